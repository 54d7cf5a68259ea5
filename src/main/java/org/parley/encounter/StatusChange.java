package org.parley.encounter;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.api.PartialDate;

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

    /**
     * The date a step (table alias {@code c}) counts from when ordering a history: its effective date, or for a
     * step given without one, the latest effective date among the steps entered before it (an undated step is
     * taken to follow what was known when it was entered; with none dated before it, it sorts first). Ties go to
     * the step entered later, so the history is ordered by {@code ORDER} and the current status is its last step.
     */
    static final String SORT_DATE = "coalesce(c.effective_date, (select max(p.effective_date)"
            + " from encounter_status_change p where p.encounter_id = c.encounter_id and p.id < c.id))";

    /** Oldest step first: by effective date, then entry order. */
    static final String ORDER = SORT_DATE + " nulls first, c.id";

    /** Latest step first: the first row is the current status. */
    static final String LATEST_FIRST = SORT_DATE + " desc nulls last, c.id desc";

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
