package org.parley.encounter;

import java.util.List;
import org.parley.read.Related;
import org.parley.read.ToOne;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.api.GlobalId;
import org.parley.api.Node;
import org.parley.api.NodeType;
import org.parley.api.PartialDate;

import io.vertx.mutiny.sqlclient.Row;

@Type("Encounter")
@Description("A summit, visit, meeting, talks, call or letter between actors, with the sources that report it.")
public class Encounter extends Related implements Node {

    @Ignore
    public long dbId;

    /** The encounter this one is part of (resolved by {@code Encounter.partOf}). */
    @Ignore
    public Long partOfId;

    @NonNull
    @Description("The form the encounter takes.")
    public EncounterKind kind;

    @NonNull
    @Description("A short title, e.g. \"Kim Jong Un and Vladimir Putin meet at the Vostochny Cosmodrome\".")
    public String title;

    @Description("What happened, in a few sentences.")
    public String summary;

    @NonNull
    @Description("Whether it took place, as the sources report it: the last step of `statusHistory`.")
    public EncounterStatus status;

    @Description("When it began (or is to begin), as precisely as known, with the interval the sources allow and how it"
            + " was resolved; null when no date is known.")
    public PartialDate start;

    @Description("When it ended, for encounters over several days (with its interval, as `start`); null otherwise.")
    public PartialDate end;

    @Description("Where it took place; null when unknown.")
    public Place place;

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
        return GlobalId.encode(NodeType.ENCOUNTER, dbId);
    }

    /** Columns {@link #from(Row)} reads; the table is aliased {@code e}. */
    public static final String COLUMNS = "e.id, e.kind, e.title, e.summary, e.status, "
            + PartialDate.columns("e", "start") + ", " + PartialDate.columns("e", "end") + ", e.place_name, e.place_locality, e.place_country_id, e.latitude, e.longitude,"
            + " e.version, e.modified_at, e.part_of_id";

    /**
     * Chronological by the earliest day the start may have been (its first day for a plain date: an interval sorts
     * by its opening), undated encounters last.
     */
    public static final String ORDER = "e.start_earliest nulls last, e.id";

    /** The encounter as a related row (table {@code encounter} aliased {@code e}), as {@code byIds} reads it. */
    public static ToOne relation(String field, String foreignKey) {
        return new ToOne(field, foreignKey, "encounter", "e", COLUMNS, "e.deleted_at is null", Encounter::from,
                () -> Encounter.TO_ONE);
    }

    /** The to-one fields of Encounter that a batch read can read ahead. */
    public static final List<ToOne> TO_ONE = List.of(relation("partOf", "part_of_id"));

    public static Encounter from(Row row) {
        Encounter encounter = new Encounter();
        encounter.dbId = row.getLong("id");
        encounter.kind = EncounterKind.valueOf(row.getString("kind"));
        encounter.title = row.getString("title");
        encounter.summary = row.getString("summary");
        encounter.status = EncounterStatus.valueOf(row.getString("status"));
        encounter.start = PartialDate.fromInterval(row, "start");
        encounter.end = PartialDate.fromInterval(row, "end");
        encounter.place = Place.from(row);
        encounter.version = row.getInteger("version");
        encounter.changedAt = row.getOffsetDateTime("modified_at");
        encounter.partOfId = row.getLong("part_of_id");
        return encounter;
    }
}
