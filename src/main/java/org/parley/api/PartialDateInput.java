package org.parley.api;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("PartialDateInput")
@Description("A date known to a day, a month or a year. Any day of the period may be given: it is stored as the"
        + " first day of the period (2018-05-17 with MONTH is May 2018). Where the sources leave the day open, give"
        + " the interval they allow and how it was resolved: \"late July\" is July (MONTH) with earliest 2024-07-20"
        + " and latest 2024-07-31; \"on Thursday\" in a Friday report is that Thursday (DAY, EVENT_DAY_ASSUMED) with"
        + " latest the Friday. The resolved period must overlap the interval. Dates are YYYY-MM-DD. Fields that keep"
        + " no interval (roles, sources, attestations, status steps) accept only `date` and `precision`.")
public class PartialDateInput {

    @NonNull
    @Description("A day within the known period (YYYY-MM-DD): the resolved value.")
    public LocalDate date;

    @NonNull
    @Description("How much of the date is known.")
    public DatePrecision precision;

    @Description("The first day the sources allow (YYYY-MM-DD); the period's first day when left out.")
    public LocalDate earliest;

    @Description("The last day the sources allow (YYYY-MM-DD), on or after `earliest`; the period's last day when"
            + " left out.")
    public LocalDate latest;

    @Description("How the date was resolved; AS_REPORTED when left out.")
    public DateResolution resolution;

    @Size(max = 300, message = "must have at most 300 characters")
    @Description("A short note on the resolution (at most 300 characters), e.g. \"'on Thursday' in a report dated"
            + " Friday 26 July\".")
    public String resolutionNote;

    /** A part of the input that does not fit: {@code field} is the input field at fault (e.g. "latest"). */
    public static final class Invalid extends IllegalArgumentException {
        public final String field;

        Invalid(String field, String message) {
            super(message, null);
            this.field = field;
        }
    }

    /** The period's first day with its precision and interval; throws {@link Invalid} saying what does not fit. */
    public PartialDate toPartialDate() {
        LocalDate first = switch (precision) {
            case DAY -> date;
            case MONTH -> date.withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
        };
        String note = resolutionNote == null || resolutionNote.isBlank() ? null : resolutionNote.strip();
        PartialDate partial = new PartialDate(first, precision, earliest, latest, resolution, note);
        if (partial.latest.isBefore(partial.earliest)) {
            throw new Invalid(latest != null ? "latest" : "earliest", (latest != null ? "latest " + latest
                    : "earliest " + earliest) + " leaves no day: expected latest on or after earliest ("
                    + partial.earliest + " to " + partial.latest + " as given, dates as YYYY-MM-DD)");
        }
        if (partial.until().isBefore(partial.earliest) || partial.date.isAfter(partial.latest)) {
            throw new Invalid("date", "date " + date + " with precision " + precision + " (" + describe(partial)
                    + ") lies outside the interval " + partial.earliest + " to " + partial.latest
                    + ": expected a resolved date whose period overlaps the interval");
        }
        return partial;
    }

    /** Only a date and its precision: for fields that keep no interval. */
    public PartialDate toPlainDate() {
        for (String[] extra : new String[][] { { "earliest", earliest == null ? null : earliest.toString() },
                { "latest", latest == null ? null : latest.toString() },
                { "resolution", resolution == null ? null : resolution.name() },
                { "resolutionNote", resolutionNote } }) {
            if (extra[1] != null) {
                throw new Invalid(extra[0], extra[0] + " " + extra[1] + " is not kept for this date: expected only"
                        + " date (YYYY-MM-DD) and precision here");
            }
        }
        return toPartialDate();
    }

    private static String describe(PartialDate date) {
        return date.precision == DatePrecision.DAY ? "the day " + date.date
                : date.date + " to " + date.until();
    }
}
