package org.parley.actor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

import org.parley.database.Reads;
import org.parley.errors.BadUserInputException;
import org.parley.read.Batch;
import org.parley.read.Lookahead;
import org.parley.api.Node;
import org.parley.api.NodeLoader;
import org.parley.api.NodeType;
import org.parley.read.Page;
import org.parley.read.PageRequest;
import org.parley.read.Paging;
import org.parley.read.SqlArgs;
import org.parley.read.ToMany;

import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads actors and their roles through the reactive pool: every method is one SQL statement, whatever the number of
 * ids, so that batch resolvers stay at one statement per field and level.
 */
@ApplicationScoped
@Startup // declares the lists single-object reads fold (ToMany) before the first request
public class ActorRepository implements NodeLoader {

    private static final String ORDER = "lower(a.name), a.id";

    private final Pool pool;

    ActorRepository(@Reads Pool pool) {
        this.pool = pool;
    }

    @Override
    public NodeType type() {
        return NodeType.ACTOR;
    }

    /** By {@link #resolve}: the ID of a merged actor shows the actor it was merged into. */
    @Override
    public Uni<Map<Long, ? extends Node>> load(List<Long> ids) {
        return resolve(ids.toArray(Long[]::new)).map(found -> found);
    }

    @Override
    public Uni<Map<Long, ? extends Node>> load(long id, Context context) {
        return resolve(new Long[] { id }, Lookahead.ofOne(context, "Actor", Actor.TO_ONE)).map(found -> found);
    }

    /**
     * SQL for the actor an id parameter stands for: itself, or the actor it was merged into. Filters use it so that
     * IDs kept from before a merge still select the merged actor's encounters and statements.
     */
    public static String followingMerges(String idParameter) {
        return "(select coalesce(m.merged_into_id, m.id) from actor m where m.id = " + idParameter + ")";
    }

    /**
     * Like {@link #byIds}, but the ID of an actor merged into another resolves to that other actor, so that IDs
     * clients kept from before a merge still work.
     */
    public Uni<Map<Long, Actor>> resolve(Long[] ids) {
        return resolve(ids, Lookahead.NONE);
    }

    /** As above, with what {@code ahead} reads joined to each actor. */
    public Uni<Map<Long, Actor>> resolve(Long[] ids, Lookahead ahead) {
        Function<Row, Actor> map = ahead.mapper(pool, Actor::from);
        return pool.preparedQuery(ahead.around("select " + Actor.COLUMNS + ", requested.id as requested_id"
                + " from actor requested"
                + Batch.lookup("actor", "a", "a.id = coalesce(requested.merged_into_id, requested.id)")
                + " where requested.id = any($1) and a.deleted_at is null"))
                .execute(Tuple.of(ids))
                .map(rows -> {
                    Map<Long, Actor> byRequestedId = new HashMap<>();
                    rows.forEach(row -> byRequestedId.put(row.getLong("requested_id"), map.apply(row)));
                    return byRequestedId;
                });
    }

    @Override
    public Uni<Map<Long, Actor>> byIds(Long[] ids) {
        return Batch.byIds(pool, "select " + Actor.COLUMNS + " from actor a where a.id = any($1) and a.deleted_at is null", ids, Actor::from);
    }

    /**
     * The actor whose name or an alias equals {@code name} once both are normalized; a name match wins. When none
     * does, the one whose name or alias has the same transliteration key (V10: "Sergei" and "Sergey" share it),
     * a name before an alias, then the lowest id.
     */
    public Uni<Actor> byName(String name) {
        return byName(name, Lookahead.NONE);
    }

    /** As above, with what {@code ahead} reads joined to the actor found. */
    public Uni<Actor> byName(String name, Lookahead ahead) {
        String normalized = normalizedSearch(name, "name");
        Function<Row, Actor> map = ahead.mapper(pool, Actor::from);
        return pool.preparedQuery(ahead.around("select " + Actor.COLUMNS + " from actor a"
                + " where a.deleted_at is null and (a.normalized_name = $1"
                + " or a.id in (select al.actor_id from actor_alias al where al.normalized = $1))"
                + " order by (a.normalized_name = $1) desc, a.id limit 1"))
                .execute(Tuple.of(normalized))
                .map(rows -> first(rows, map))
                .chain(found -> found != null ? Uni.createFrom().item(found) : pool.preparedQuery(ahead.around("select "
                        + Actor.COLUMNS + " from actor a, (select actor_name_key($1) as k) q"
                        + " where a.deleted_at is null and (a.name_key = q.k"
                        + " or a.id in (select al.actor_id from actor_alias al where al.name_key = q.k))"
                        + " order by (a.name_key = q.k) desc, a.id limit 1"))
                        .execute(Tuple.of(normalized))
                        .map(rows -> first(rows, map)));
    }

    /**
     * Up to {@code first} actors whose name or an alias resembles {@code name}: trigram similarity of the
     * transliteration keys at least pg_trgm's threshold (0.3, the {@code %} operator, which the GIN indexes of V10
     * serve), best score first, each actor once with its best-matching name.
     */
    public Uni<List<ActorMatch>> similar(String name, int first) {
        String normalized = normalizedSearch(name, "name");
        return pool.preparedQuery("with q as (select actor_name_key($1) as k),"
                + " candidates as (select a.id, a.name as matched, similarity(a.name_key, q.k) as score"
                + " from actor a, q where a.name_key % q.k and a.deleted_at is null"
                + " union all select al.actor_id, al.alias, similarity(al.name_key, q.k)"
                + " from actor_alias al, q where al.name_key % q.k),"
                + " best as (select distinct on (id) id, matched, score from candidates order by id, score desc)"
                + " select " + Actor.COLUMNS + ", best.matched, round(best.score::numeric, 3)::float8 as score from best join actor a on a.id = best.id"
                + " where a.deleted_at is null order by best.score desc, a.id limit $2")
                .execute(Tuple.of(normalized, first))
                .map(rows -> {
                    List<ActorMatch> matches = new ArrayList<>();
                    for (Row row : rows) {
                        ActorMatch match = new ActorMatch();
                        match.actor = Actor.from(row);
                        match.matchedName = row.getString("matched");
                        match.score = row.getDouble("score");
                        matches.add(match);
                    }
                    return matches;
                });
    }

    /**
     * For each name, the actor it most likely names, in one statement: a name or alias equal once normalised (score
     * 1), else the same transliteration key (0.95, V10), else, where {@code fuzzy} says so for the name, the best
     * trigram similarity of the keys at pg_trgm's threshold ({@link #similar}'s rule); null where none. Names without
     * a letter or digit find nothing. The trigram search is the costly part (a GIN scan and a similarity per
     * candidate): it is skipped, per name, for the names that want only an equal name or key.
     */
    public Uni<List<ActorMatch>> bestMatches(List<String> names, boolean[] fuzzy) {
        String[] normalized = names.stream().map(ActorNames::normalize).toArray(String[]::new);
        Boolean[] trigram = new Boolean[names.size()];
        for (int i = 0; i < trigram.length; i++) {
            trigram[i] = fuzzy[i];
        }
        String actorScore = score("a.normalized_name", "a.name_key");
        String aliasScore = score("al.normalized", "al.name_key");
        // materialized: inlined, the key was computed again for every actor and alias row each name was compared with
        return pool.preparedQuery("with q as materialized (select n, actor_name_key(n) as k, ord, f from"
                + " unnest($1::text[], $2::bool[]) with ordinality t(n, f, ord) where n <> '')"
                + " select q.ord, " + Actor.COLUMNS + ", m.matched, m.score from q cross join lateral ("
                + " select c.id, c.matched, c.score from ("
                + "select a.id, a.name as matched, " + actorScore + " as score from actor a"
                + " where a.deleted_at is null and (a.normalized_name = q.n or a.name_key = q.k)"
                // q.f alone is a one-time filter: the trigram branches do not run for a name without it
                + " union all select a.id, a.name, " + actorScore + " from actor a"
                + " where q.f and a.deleted_at is null and a.name_key % q.k"
                + " union all select al.actor_id, al.alias, " + aliasScore + " from actor_alias al"
                + " where al.normalized = q.n or al.name_key = q.k"
                + " union all select al.actor_id, al.alias, " + aliasScore + " from actor_alias al"
                + " where q.f and al.name_key % q.k) c"
                + " order by c.score desc, c.id limit 1) m"
                // a lateral lookup: joined plainly, the planner drove the loop from actor and ran the match per actor
                + Batch.lookup("actor", "a", "a.id = m.id and a.deleted_at is null"))
                .execute(Tuple.of(normalized, trigram))
                .map(rows -> {
                    List<ActorMatch> matches = new ArrayList<>(java.util.Collections.nCopies(names.size(), null));
                    for (Row row : rows) {
                        ActorMatch match = new ActorMatch();
                        match.actor = Actor.from(row);
                        match.matchedName = row.getString("matched");
                        match.score = row.getDouble("score");
                        matches.set(row.getLong("ord").intValue() - 1, match);
                    }
                    return matches;
                });
    }

    /** 1 for an equal normalised name, 0.95 for an equal transliteration key, else the keys' trigram similarity. */
    private static String score(String normalizedColumn, String keyColumn) {
        return "case when " + normalizedColumn + " = q.n then 1.0::float8 when " + keyColumn
                + " = q.k then 0.95::float8 else similarity(" + keyColumn + ", q.k)::float8 end";
    }

    public Uni<Page<Actor>> list(ActorFilter filter, PageRequest request, Lookahead ahead) {
        SqlArgs args = new SqlArgs();
        StringBuilder where = new StringBuilder(" where a.deleted_at is null");
        if (filter != null && filter.kind != null) {
            where.append(" and a.kind = ").append(args.add(filter.kind.name()));
        }
        if (filter != null && filter.updatedSince != null) {
            where.append(" and a.modified_at >= ").append(args.add(filter.updatedSince));
        }
        if (filter != null && filter.search != null) {
            String term = args.add(normalizedSearch(filter.search, "filter.search"));
            where.append(" and (strpos(a.normalized_name, ").append(term).append(") > 0")
                    .append(" or exists (select 1 from actor_alias al where al.actor_id = a.id")
                    .append(" and strpos(al.normalized, ").append(term).append(") > 0))");
        }
        return Paging.page(pool, Actor.COLUMNS, "from actor a" + where, ORDER, args, request, ahead, Actor::from);
    }

    /** An actor's other names, in the order the sources gave them. */
    static final ToMany ALIASES = ToMany.declare("Actor", ToMany.list("aliases", "al.alias",
            "from actor_alias al where al.actor_id = parent.id", "al.position", row -> row.getString("alias"), List::of));

    /** An actor's roles, in the order the data gives them. */
    static final ToMany ROLES = ToMany.declare("Actor", ToMany.list("roles", Role.COLUMNS,
            "from actor_role r where r.actor_id = parent.id", "r.position", Role::from, () -> Role.TO_ONE));

    public Uni<List<List<String>>> aliases(List<Actor> actors, PageRequest first) {
        return Paging.firstOfEach(pool, ALIASES, first, actors, a -> a.dbId, Lookahead.NONE,
                row -> row.getString("alias"));
    }

    public Uni<List<List<Role>>> roles(List<Actor> actors, PageRequest first, Lookahead ahead) {
        return Paging.firstOfEach(pool, ROLES, first, actors, a -> a.dbId, ahead, Role::from);
    }

    /** Roles by id, of live actors. */
    public Uni<Map<Long, Role>> rolesByIds(Long[] ids) {
        return Batch.byIds(pool, "select " + Role.COLUMNS + " from actor_role r join actor a on a.id = r.actor_id"
                + " where r.id = any($1) and a.deleted_at is null", ids, Role::from);
    }

    private static String normalizedSearch(String text, String argument) {
        if (text.length() > 300) {
            throw new BadUserInputException(argument + " must be at most 300 characters");
        }
        String normalized = ActorNames.normalize(text);
        if (normalized.isEmpty()) {
            throw new BadUserInputException(argument + " must contain at least one letter or digit");
        }
        return normalized;
    }

    static Actor first(Iterable<Row> rows) {
        return first(rows, Actor::from);
    }

    private static Actor first(Iterable<Row> rows, Function<Row, Actor> mapper) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? mapper.apply(iterator.next()) : null;
    }
}
