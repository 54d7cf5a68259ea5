package org.parley.encounter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

import org.parley.database.Reads;
import org.parley.actor.Actor;
import org.parley.errors.BadUserInputException;
import org.parley.read.Batch;
import org.parley.api.DateBound;
import org.parley.read.Lookahead;
import org.parley.api.GlobalId;
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

/** Reads encounters and participants through the reactive pool, one SQL statement per method call. */
@ApplicationScoped
@Startup // declares the lists single-object reads fold (ToMany) before the first request
public class EncounterRepository implements NodeLoader {

    static final int MAX_PARTICIPANTS_FILTER = 20;

    /** Role names in listing order (hosts first), for array_position in ORDER BY (enum names: no quote). */
    private static final String ROLE_ORDER = Arrays.stream(ParticipantRole.values())
            .map(role -> "'" + role.name() + "'").collect(Collectors.joining(",", "array[", "]::text[]"));

    /**
     * An encounter's participants with their actors (joined here: `participants { actor }` is the usual shape, and a
     * statement of its own per level cost more than the join): hosts first, then in the order the data gives them.
     */
    static final ToMany PARTICIPANTS = ToMany.declare("Encounter", ToMany.list("participants",
            "p.role, p.note, " + Actor.COLUMNS, "from participant p"
                    + Batch.leftLookup("actor", "a", "a.id = p.actor_id and a.deleted_at is null")
                    + " where p.encounter_id = parent.id",
            "array_position(" + ROLE_ORDER + ", p.role), p.position", Participant::from, List::of));

    private final Pool pool;

    EncounterRepository(@Reads Pool pool) {
        this.pool = pool;
    }

    @Override
    public NodeType type() {
        return NodeType.ENCOUNTER;
    }

    @Override
    public Uni<Map<Long, Encounter>> byIds(Long[] ids) {
        return Batch.byIds(pool, "select " + Encounter.COLUMNS + " from encounter e where e.id = any($1) and e.deleted_at is null", ids, Encounter::from);
    }

    /** As {@link #byIds}, but the ID of an encounter merged into another loads that other (for {@code node}). */
    @Override
    public Uni<Map<Long, ? extends Node>> load(List<Long> ids) {
        return load(ids.toArray(Long[]::new), Lookahead.NONE);
    }

    @Override
    public Uni<Map<Long, ? extends Node>> load(long id, Context context) {
        return load(new Long[] { id }, Lookahead.ofOne(context, "Encounter", Encounter.TO_ONE));
    }

    private Uni<Map<Long, ? extends Node>> load(Long[] ids, Lookahead ahead) {
        Function<Row, Encounter> map = ahead.mapper(pool, Encounter::from);
        return pool.preparedQuery(ahead.around("select " + Encounter.COLUMNS + ", requested.id as requested_id"
                + " from encounter requested"
                + Batch.lookup("encounter", "e", "e.id = coalesce(requested.merged_into_id, requested.id)")
                + " where requested.id = any($1) and e.deleted_at is null"))
                .execute(Tuple.of(ids))
                .map(rows -> {
                    Map<Long, Encounter> byRequestedId = new HashMap<>();
                    rows.forEach(row -> byRequestedId.put(row.getLong("requested_id"), map.apply(row)));
                    return byRequestedId;
                });
    }

    public Uni<Page<Encounter>> list(EncounterFilter filter, PageRequest request, Lookahead ahead) {
        SqlArgs args = new SqlArgs();
        String where = filter == null ? "" : conditions(filter, args);
        return Paging.page(pool, Encounter.COLUMNS, "from encounter e where e.deleted_at is null" + where, Encounter.ORDER, args,
                request, ahead, Encounter::from);
    }

    /**
     * An actor's encounters, chronological. Their count leaves out the participations in deleted encounters (a
     * hashed set of the few tombstones, from their partial index) rather than look up each encounter: 0.6 ms instead
     * of 32 for the 3,906 of the busiest actor at scale 1.
     */
    static final ToMany OF_ACTOR = ToMany.declare("Actor", ToMany.connection("encounters", Encounter.COLUMNS,
            "from participant p join encounter e on e.id = p.encounter_id where p.actor_id = parent.id"
                    + " and e.deleted_at is null",
            "from participant p where p.actor_id = parent.id and p.encounter_id not in"
                    + " (select d.id from encounter d where d.deleted_at is not null)",
            Encounter.ORDER, Encounter::from, () -> Encounter.TO_ONE, EncounterConnection::new));

    /** An encounter's parts (a signing within a state visit), chronological. */
    static final ToMany PARTS = ToMany.declare("Encounter", ToMany.list("parts", Encounter.COLUMNS,
            "from encounter e where e.part_of_id = parent.id and e.deleted_at is null", Encounter.ORDER,
            Encounter::from, () -> Encounter.TO_ONE));

    /** An encounter's status history, by effective date (then entry order): see {@link StatusChange#ORDER}. */
    static final ToMany STATUS_HISTORY = ToMany.declare("Encounter", ToMany.list("statusHistory",
            "c.status, c.effective_date, c.effective_precision, c.source_id, c.note, c.recorded_at",
            "from encounter_status_change c where c.encounter_id = parent.id", StatusChange.ORDER, StatusChange::from,
            List::of));

    /** One page of each actor's encounters. */
    public Uni<Map<Long, Page<Encounter>>> ofActors(Long[] actorIds, PageRequest request) {
        return Paging.pages(pool, OF_ACTOR, request, actorIds, Lookahead.NONE, Encounter::from);
    }

    public Uni<List<List<Participant>>> participants(List<Encounter> encounters, PageRequest first) {
        return Paging.firstOfEach(pool, PARTICIPANTS, first, encounters, e -> e.dbId, Lookahead.NONE,
                Participant::from);
    }

    /**
     * The days an encounter may cover, from the earliest its start allows to the latest its end (or start) allows, as
     * encounter_period_idx (V14) indexes it; {@code x} is the table alias.
     */
    private static String period(String x) {
        return "daterange(" + x + ".start_earliest, coalesce(" + x + ".end_latest, " + x + ".start_latest), '[]')";
    }

    /**
     * Live encounters that may be the same as encounter {@code id}: their periods overlap, and they share two of its
     * participants (all of them when it has one) or its place name. Most shared participants first, at most
     * {@code limit}. Only a warning: the editor decides.
     */
    public Uni<List<Encounter>> likelyDuplicates(long id, int limit) {
        String sql = "select " + Encounter.COLUMNS + " from encounter n"
                + " join encounter e on " + period("e") + " && " + period("n") + " and e.id <> n.id and e.deleted_at is null"
                + " and e.start_date is not null"
                + " cross join lateral (select count(*) as shared from participant p join participant q"
                + " on q.actor_id = p.actor_id and q.encounter_id = e.id where p.encounter_id = n.id) s"
                + " cross join lateral (select count(*) as own from participant p where p.encounter_id = n.id) o"
                + " where n.id = $1 and n.start_date is not null and (s.shared >= least(2, o.own)"
                + " or lower(e.place_name) = lower(n.place_name))"
                + " order by s.shared desc, (lower(e.place_name) = lower(n.place_name)) is true desc, " + Encounter.ORDER
                + " limit $2";
        return pool.preparedQuery(sql).execute(Tuple.of(id, limit)).map(rows -> {
            List<Encounter> found = new ArrayList<>();
            rows.forEach(row -> found.add(Encounter.from(row)));
            return found;
        });
    }

    /** An encounter described but not recorded: its participants' ids, its days when known, its place name. */
    public record Described(Long[] participants, LocalDate earliest, LocalDate latest, String placeName) {
    }

    /**
     * For each described encounter, the live encounter it most likely is (null when none), in one statement, by
     * {@link #likelyDuplicates}' rule: two of its participants in common (all of them when it names one) or its
     * place name, and where its days are known, a period that overlaps them. Most shared participants first.
     */
    public Uni<List<Long>> likelyDuplicatesOf(List<Described> described) {
        if (described.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        io.vertx.core.json.JsonArray rows = new io.vertx.core.json.JsonArray();
        for (int i = 0; i < described.size(); i++) {
            Described d = described.get(i);
            rows.add(new io.vertx.core.json.JsonObject().put("ord", i)
                    .put("actors", new io.vertx.core.json.JsonArray(Arrays.asList((Object[]) d.participants())))
                    .put("earliest", d.earliest() == null ? null : d.earliest().toString())
                    .put("latest", d.latest() == null ? null : d.latest().toString())
                    .put("place", d.placeName()));
        }
        String sql = "select c.ord, m.id from jsonb_to_recordset(cast($1::text as jsonb)) as c(ord int, actors bigint[],"
                + " earliest date, latest date, place text)"
                + " cross join lateral (select e.id from encounter e"
                + " cross join lateral (select count(*) as shared from participant q where q.encounter_id = e.id"
                + " and q.actor_id = any(c.actors)) s"
                + " where e.deleted_at is null and (c.earliest is null or " + period("e")
                + " && daterange(c.earliest, c.latest, '[]'))"
                + " and (s.shared >= least(2, cardinality(c.actors)) and s.shared > 0 or lower(e.place_name) = lower(c.place))"
                + " order by s.shared desc, (lower(e.place_name) = lower(c.place)) is true desc, " + Encounter.ORDER
                + " limit 1) m";
        return pool.preparedQuery(sql).execute(Tuple.of(rows.encode())).map(found -> {
            List<Long> matches = new ArrayList<>(java.util.Collections.nCopies(described.size(), null));
            found.forEach(row -> matches.set(row.getInteger("ord"), row.getLong("id")));
            return matches;
        });
    }

    /** The parts of each encounter; one statement per level. */
    public Uni<List<List<Encounter>>> parts(List<Encounter> encounters, PageRequest first) {
        return Paging.firstOfEach(pool, PARTS, first, encounters, e -> e.dbId, Lookahead.NONE, Encounter::from);
    }

    /** The status history of each encounter. */
    public Uni<List<List<StatusChange>>> statusHistory(List<Encounter> encounters, PageRequest first) {
        return Paging.firstOfEach(pool, STATUS_HISTORY, first, encounters, e -> e.dbId, Lookahead.NONE,
                StatusChange::from);
    }

    private static String conditions(EncounterFilter filter, SqlArgs args) {
        StringBuilder where = new StringBuilder();
        if (filter.participants != null && !filter.participants.isEmpty()) {
            if (filter.participants.size() > MAX_PARTICIPANTS_FILTER) {
                throw new BadUserInputException(
                        "filter.participants takes at most " + MAX_PARTICIPANTS_FILTER + " IDs");
            }
            LinkedHashSet<Long> ids = new LinkedHashSet<>();
            filter.participants.forEach(id -> ids.add(GlobalId.decode(id, NodeType.ACTOR, "filter.participants")));
            // IDs of merged actors stand for the actors they were merged into
            where.append(" and e.id in (select pp.encounter_id from participant pp where pp.actor_id = any(array(")
                    .append("select coalesce(m.merged_into_id, m.id) from actor m where m.id = any(")
                    .append(args.add(ids.toArray(Long[]::new))).append("))) group by pp.encounter_id")
                    .append(" having count(*) = ").append(args.add(ids.size())).append(")");
        }
        if (filter.updatedSince != null) {
            where.append(" and e.modified_at >= ").append(args.add(filter.updatedSince));
        }
        if (filter.kind != null) {
            where.append(" and e.kind = ").append(args.add(filter.kind.name()));
        }
        if (filter.status != null) {
            where.append(" and e.status = ").append(args.add(filter.status.name()));
        }
        LocalDate fromDate = filter.from == null ? null : DateBound.parse("filter.from", filter.from).date;
        LocalDate toDate = filter.to == null ? null : DateBound.parse("filter.to", filter.to).until();
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new BadUserInputException("filter.from must not be after filter.to");
        }
        if (fromDate != null) {
            // overlap: the last day the encounter may have run is on or after `from`
            String from = args.add(fromDate);
            where.append(" and coalesce(e.end_latest, e.start_latest) >= ").append(from);
            // Implied by the overlap, and what lets the ordered index walk start near `from` instead of at the
            // earliest encounter: nothing that overlaps opens before the earliest encounter that may be running on
            // `from` (found with encounter_period_idx). OFFSET 0 keeps the planner from answering min() by walking
            // encounter_start_idx from the start, the very scan this avoids.
            where.append(" and e.start_earliest >= coalesce((select min(r.start_earliest) from (select")
                    .append(" x.start_earliest from encounter x where ").append(period("x")).append(" @> ")
                    .append(from).append(" offset 0) r), ").append(from).append(")");
        }
        if (toDate != null) {
            // the first day it may have begun is on or before `to`
            where.append(" and e.start_earliest <= ").append(args.add(toDate));
        }
        if (filter.place != null) {
            if (filter.place.isBlank() || filter.place.length() > 300) {
                throw new BadUserInputException("filter.place must be 1 to 300 characters");
            }
            where.append(" and strpos(lower(concat_ws(' ', e.place_name, e.place_locality)), lower(")
                    .append(args.add(filter.place.strip())).append(")) > 0");
        }
        return where.toString();
    }
}
