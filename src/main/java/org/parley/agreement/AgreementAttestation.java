package org.parley.agreement;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.api.PartialDate;

import io.vertx.mutiny.sqlclient.Row;

@Type("AgreementAttestation")
@Description("A source's support for an agreement, with the excerpt that says so.")
public class AgreementAttestation {

    @Ignore
    public long sourceId;

    @NonNull
    @Description("The words of the source that support it, quoted exactly.")
    public String excerpt;

    @Description("How the excerpt was read, or how this source differs from others.")
    public String note;

    @Description("The date as this source gives it, when it differs or is all the source says.")
    public PartialDate reportedDate;

    /** Columns {@link #from(Row)} reads; the table is aliased {@code att}. */
    static final String COLUMNS = "att.source_id, att.excerpt, att.note, att.reported_date, att.reported_precision";

    static AgreementAttestation from(Row row) {
        AgreementAttestation attestation = new AgreementAttestation();
        attestation.sourceId = row.getLong("source_id");
        attestation.excerpt = row.getString("excerpt");
        attestation.note = row.getString("note");
        attestation.reportedDate = PartialDate.from(row, "reported_date", "reported_precision");
        return attestation;
    }
}
