package org.parley.agreement;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.api.PartialDate;

import io.vertx.mutiny.sqlclient.Row;

@Type("AgreementStep")
@Description("A step in an agreement's life: signed, ratified, in force, suspended, with its date.")
public class AgreementStep {

    @Ignore
    public Long sourceId;

    @NonNull
    @Description("The status from this step on.")
    public AgreementStatus status;

    @Description("When the step took effect, as precisely as known.")
    public PartialDate date;

    @Description("A precision on the step (which party ratified, under which decree).")
    public String note;

    static final String COLUMNS = "st.status, st.step_date, st.step_precision, st.source_id, st.note";

    static AgreementStep from(Row row) {
        AgreementStep step = new AgreementStep();
        step.status = AgreementStatus.valueOf(row.getString("status"));
        step.date = PartialDate.from(row, "step_date", "step_precision");
        step.sourceId = row.getLong("source_id");
        step.note = row.getString("note");
        return step;
    }
}
