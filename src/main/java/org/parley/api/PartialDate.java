package org.parley.api;

import java.time.LocalDate;
import java.util.Objects;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.vertx.mutiny.sqlclient.Row;

/**
 * A date known to a day, a month or a year, as sources often give them ("in May 2018", "in 2000"), with the interval
 * the sources allow and how the editor resolved it ("on Thursday" in a Friday report: the 25th, maybe the 26th).
 */
@Description("A date known to a day, a month or a year. `date` is the first day of the period that is known: the"
        + " value the editor resolved. `earliest` and `latest` bound the days the sources allow (\"late July\","
        + " \"on Thursday\" when the event's day or the report's may be meant); without a recorded interval they"
        + " are the first and last day of the period. Date filters match when this interval overlaps their range.")
public class PartialDate {

    @NonNull
    @Description("First day of the known period, e.g. 2018-05-01 for May 2018: the resolved value.")
    public LocalDate date;

    @NonNull
    @Description("How much of the date is known.")
    public DatePrecision precision;

    @NonNull
    @Description("The first day the sources allow. The first day of the period unless an interval was recorded;"
            + " lists are ordered by it.")
    public LocalDate earliest;

    @NonNull
    @Description("The last day the sources allow. The last day of the period (e.g. 2018-05-31 for May 2018) unless"
            + " an interval was recorded.")
    public LocalDate latest;

    @NonNull
    @Description("How the date was resolved from what the sources say; AS_REPORTED unless an editor said otherwise.")
    public DateResolution resolution;

    @Description("The editor's short note on the resolution, e.g. \"'on Thursday' in a report dated Friday 26"
            + " July\"; null when there is none.")
    public String resolutionNote;

    public PartialDate() {
    }

    /** A date as plainly reported: its interval is its period. */
    public PartialDate(LocalDate date, DatePrecision precision) {
        this(date, precision, null, null, null, null);
    }

    /** A date with an interval; a null bound is the period's, a null resolution AS_REPORTED. */
    public PartialDate(LocalDate date, DatePrecision precision, LocalDate earliest, LocalDate latest,
            DateResolution resolution, String resolutionNote) {
        this.date = date;
        this.precision = precision;
        this.earliest = earliest != null ? earliest : date;
        this.latest = latest != null ? latest : until();
        this.resolution = resolution != null ? resolution : DateResolution.AS_REPORTED;
        this.resolutionNote = resolutionNote;
    }

    /** Parses "2018", "2018-05" or "2018-05-31", the form the curated data uses. */
    public static PartialDate parse(String text) {
        return switch (text.length()) {
            case 4 -> new PartialDate(LocalDate.of(Integer.parseInt(text), 1, 1), DatePrecision.YEAR);
            case 7 -> new PartialDate(LocalDate.parse(text + "-01"), DatePrecision.MONTH);
            case 10 -> new PartialDate(LocalDate.parse(text), DatePrecision.DAY);
            default -> throw new IllegalArgumentException("Not a partial date (YYYY, YYYY-MM or YYYY-MM-DD): " + text);
        };
    }

    /** Reads a (date, precision) column pair; null when the date is unknown. */
    public static PartialDate from(Row row, String dateColumn, String precisionColumn) {
        LocalDate date = row.getLocalDate(dateColumn);
        return date == null ? null : new PartialDate(date, DatePrecision.valueOf(row.getString(precisionColumn)));
    }

    /**
     * Reads the columns of a date that keeps its interval, {@code prefix}_date, _precision, _earliest, _latest,
     * _resolution and _note (see {@link #columns}); null when the date is unknown.
     */
    public static PartialDate fromInterval(Row row, String prefix) {
        LocalDate date = row.getLocalDate(prefix + "_date");
        if (date == null) {
            return null;
        }
        String resolution = row.getString(prefix + "_resolution");
        return new PartialDate(date, DatePrecision.valueOf(row.getString(prefix + "_precision")),
                row.getLocalDate(prefix + "_earliest"), row.getLocalDate(prefix + "_latest"),
                resolution == null ? null : DateResolution.valueOf(resolution), row.getString(prefix + "_note"));
    }

    /** The select list {@link #fromInterval} reads, for table alias {@code x}. */
    public static String columns(String x, String prefix) {
        String p = x + "." + prefix;
        return p + "_date, " + p + "_precision, " + p + "_earliest, " + p + "_latest, " + p + "_resolution, " + p
                + "_note";
    }

    /** The last day of the known period. */
    public LocalDate until() {
        return switch (precision) {
            case DAY -> date;
            case MONTH -> date.plusMonths(1).minusDays(1);
            case YEAR -> date.plusYears(1).minusDays(1);
        };
    }

    /** True when nothing but the period is known: no interval of its own, no resolution, no note. */
    public boolean plain() {
        return earliest.equals(date) && latest.equals(until()) && resolution == DateResolution.AS_REPORTED
                && resolutionNote == null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartialDate o && date.equals(o.date) && precision == o.precision
                && earliest.equals(o.earliest) && latest.equals(o.latest) && resolution == o.resolution
                && Objects.equals(resolutionNote, o.resolutionNote);
    }

    @Override
    public int hashCode() {
        return Objects.hash(date, precision, earliest, latest, resolution, resolutionNote);
    }
}
