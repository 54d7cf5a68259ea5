package org.parley.statement;

import java.util.List;
import org.parley.actor.Actor;
import org.parley.encounter.Encounter;
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

@Type("Statement")
@Description("Something an actor said or wrote, as reported by one or more sources: a quote, claim, denial, pledge...")
public class Statement extends Related implements Node {

    @Ignore
    public long dbId;

    @Ignore
    public Long speakerId;

    @Ignore
    public Long encounterId;

    @Ignore
    public Long respondsToId;

    @NonNull
    @Description("The words: verbatim as printed, or a paraphrase (see `mode`).")
    public String text;

    @NonNull
    @Description("Whether `text` is the speaker's own words or a paraphrase.")
    public StatementMode mode;

    @NonNull
    @Description("What the statement does.")
    public StatementKind kind;

    @Description("Who is speaking, described as the source does, when the speaker is not a known actor"
            + " (\"a senior State Department official\"); may also qualify a known speaker.")
    public String speakerLabel;

    @Description("When it was said, as precisely as known, with the interval the sources allow (\"on Thursday\" in a"
            + " Friday report) and how it was resolved.")
    public PartialDate saidOn;

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
        return GlobalId.encode(NodeType.STATEMENT, dbId);
    }

    /** Columns {@link #from(Row)} reads; the table is aliased {@code s}. */
    public static final String COLUMNS = "s.id, s.text, s.mode, s.kind, s.speaker_id, s.speaker_label, "
            + PartialDate.columns("s", "said") + ", s.encounter_id, s.responds_to_id, s.version, s.modified_at";

    /**
     * By the earliest day it may have been said (its first day for a plain date), undated last, then in the order of
     * the curated data.
     */
    public static final String ORDER = "s.said_earliest nulls last, s.position, s.id";

    /** The statement as a related row (table {@code statement} aliased {@code s}), as {@code byIds} reads it. */
    public static ToOne relation(String field, String foreignKey) {
        return new ToOne(field, foreignKey, "statement", "s", COLUMNS, "s.deleted_at is null", Statement::from,
                () -> Statement.TO_ONE);
    }

    /** The to-one fields of Statement that a batch read can read ahead. */
    public static final List<ToOne> TO_ONE = List.of(Actor.relation("speaker", "speaker_id"),
            Encounter.relation("encounter", "encounter_id"), relation("respondsTo", "responds_to_id"));

    public static Statement from(Row row) {
        Statement statement = new Statement();
        statement.dbId = row.getLong("id");
        statement.text = row.getString("text");
        statement.mode = StatementMode.valueOf(row.getString("mode"));
        statement.kind = StatementKind.valueOf(row.getString("kind"));
        statement.speakerId = row.getLong("speaker_id");
        statement.speakerLabel = row.getString("speaker_label");
        statement.saidOn = PartialDate.fromInterval(row, "said");
        statement.encounterId = row.getLong("encounter_id");
        statement.respondsToId = row.getLong("responds_to_id");
        statement.version = row.getInteger("version");
        statement.changedAt = row.getOffsetDateTime("modified_at");
        return statement;
    }
}
