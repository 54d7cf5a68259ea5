package org.parley.api;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("PartialDateInput")
@Description("A date known to a day, a month or a year. Any day of the period may be given: it is stored as the"
        + " first day of the period (2018-05-17 with MONTH is May 2018).")
public class PartialDateInput {

    @NonNull
    @Description("A day within the known period.")
    public LocalDate date;

    @NonNull
    @Description("How much of the date is known.")
    public DatePrecision precision;

    /** The period's first day with its precision. */
    public PartialDate toPartialDate() {
        LocalDate first = switch (precision) {
            case DAY -> date;
            case MONTH -> date.withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
        };
        return new PartialDate(first, precision);
    }

    public static PartialDate of(PartialDateInput input) {
        return input == null ? null : input.toPartialDate();
    }
}
