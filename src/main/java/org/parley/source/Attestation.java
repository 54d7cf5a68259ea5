package org.parley.source;

import java.util.List;
import org.parley.encounter.Encounter;
import org.parley.read.Related;
import org.parley.read.ToOne;
import org.parley.statement.Statement;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.api.PartialDate;

import io.vertx.mutiny.sqlclient.Row;

@Type("Attestation")
@Description("A source's support for an encounter or a statement (or, as `attest` answers, an agreement), with the"
        + " excerpt that says so. Sources may disagree: each attestation keeps its source's own version (for example"
        + " of the date).")
public class Attestation extends Related {

    @Ignore
    public long sourceId;

    @Ignore
    public Long encounterId;

    @Ignore
    public Long statementId;

    /** Set only on the attestation `attest` answers for an agreement (agreements list theirs as AgreementAttestation). */
    @Ignore
    public Long agreementId;

    @NonNull
    @Description("The words of the source that support it, quoted exactly.")
    public String excerpt;

    @Description("How the excerpt was read, or how this source differs from others.")
    public String note;

    @Description("The date as this source gives it, which may differ from the resolved date of the encounter or"
            + " statement.")
    public PartialDate reportedDate;

    /** Columns {@link #from(Row)} reads; the table is aliased {@code att}. */
    static final String COLUMNS = "att.source_id, att.encounter_id, att.statement_id, att.excerpt, att.note,"
            + " att.reported_date, att.reported_precision";

    /** The to-one fields of Attestation that a batch read can read ahead. */
    static final List<ToOne> TO_ONE = List.of(Source.relation("source", "source_id"),
            Encounter.relation("encounter", "encounter_id"), Statement.relation("statement", "statement_id"));

    static Attestation from(Row row) {
        Attestation attestation = new Attestation();
        attestation.sourceId = row.getLong("source_id");
        attestation.encounterId = row.getLong("encounter_id");
        attestation.statementId = row.getLong("statement_id");
        attestation.excerpt = row.getString("excerpt");
        attestation.note = row.getString("note");
        attestation.reportedDate = PartialDate.from(row, "reported_date", "reported_precision");
        return attestation;
    }
}
