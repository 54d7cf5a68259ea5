package org.parley.actor;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.api.GlobalId;
import org.parley.api.Node;
import org.parley.api.NodeType;
import org.parley.read.Related;
import org.parley.read.ToOne;

import io.vertx.mutiny.sqlclient.Row;

@Type("Actor")
@Description("A person, state, organisation or news agency that meets others, speaks, or is spoken about.")
public class Actor extends Related implements Node {

    @Ignore
    public long dbId;

    @Ignore
    public Long countryId;

    @NonNull
    @Description("What kind of actor this is.")
    public ActorKind kind;

    @NonNull
    @Description("The name most sources use, e.g. \"Kim Jong Un\".")
    public String name;

    @Description("A short description: who or what this actor is.")
    public String description;

    @Description("Wikidata item ID, e.g. \"Q7747\"; null when not verified.")
    public String wikidataId;

    @Description("Incremented by every accepted change; an update names the version it is based on.")
    public int version;

    @NonNull
    @Description("When this record last changed in Parley (filter lists with `updatedSince` to sync).")
    public OffsetDateTime changedAt;

    @Override
    @Id
    @NonNull
    @Description("Opaque global ID; `node(id:)` resolves it.")
    public String getId() {
        return GlobalId.encode(NodeType.ACTOR, dbId);
    }

    /**
     * Columns {@link #from(Row)} reads; the table is aliased {@code a}. Aliases are a batched field of their own
     * (ActorGraphQLApi): read here, they cost a subquery per actor whether asked for or not, half the time of
     * reading a Q1 page's participants (docs/BENCHMARKS.md).
     */
    public static final String COLUMNS = "a.id, a.kind, a.name, a.description, a.wikidata_id, a.country_id, a.version,"
            + " a.modified_at";

    /** The actor as a related row (table {@code actor} aliased {@code a}), as {@code ActorRepository.byIds} reads it. */
    public static ToOne relation(String field, String foreignKey) {
        return new ToOne(field, foreignKey, "actor", "a", COLUMNS, "a.deleted_at is null", Actor::from,
                () -> Actor.TO_ONE);
    }

    /** The to-one fields of Actor that a batch read can read ahead ({@link org.parley.read.Lookahead}). */
    public static final List<ToOne> TO_ONE = List.of(relation("country", "country_id"));

    public static Actor from(Row row) {
        Actor actor = new Actor();
        actor.dbId = row.getLong("id");
        actor.kind = ActorKind.valueOf(row.getString("kind"));
        actor.name = row.getString("name");
        actor.description = row.getString("description");
        actor.wikidataId = row.getString("wikidata_id");
        actor.countryId = row.getLong("country_id");
        actor.version = row.getInteger("version");
        actor.changedAt = row.getOffsetDateTime("modified_at");
        return actor;
    }
}
