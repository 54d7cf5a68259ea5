package org.parley.encounter;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.graphql.PartialDate;

import io.vertx.mutiny.sqlclient.Row;

@Type("StatusChange")
@Description("A step in an encounter's status history.")
public class StatusChange {

    @Ignore
    public Long sourceId;

    @NonNull
    @Description("The status from this step on.")
    public EncounterStatus status;

    @Description("When the change took effect, as precisely as known.")
    public PartialDate effective;

    @Description("A precision on the change.")
    public String note;

    @NonNull
    @Description("When the change was recorded in Parley.")
    public OffsetDateTime recordedAt;

    static StatusChange from(Row row) {
        StatusChange change = new StatusChange();
        change.sourceId = row.getLong("source_id");
        change.status = EncounterStatus.valueOf(row.getString("status"));
        change.effective = PartialDate.from(row, "effective_date", "effective_precision");
        change.note = row.getString("note");
        change.recordedAt = row.getOffsetDateTime("recorded_at");
        return change;
    }
}
