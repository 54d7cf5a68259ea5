package org.parley.api;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.vertx.mutiny.sqlclient.Row;

/** A date known to a day, a month or a year, as sources often give them ("in May 2018", "in 2000"). */
@Description("A date known to a day, a month or a year. `date` is the first day of the period that is known.")
public class PartialDate {

    @NonNull
    @Description("First day of the known period, e.g. 2018-05-01 for May 2018.")
    public LocalDate date;

    @NonNull
    @Description("How much of the date is known.")
    public DatePrecision precision;

    public PartialDate() {
    }

    public PartialDate(LocalDate date, DatePrecision precision) {
        this.date = date;
        this.precision = precision;
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

    /** The last day of the known period: what date-range filters compare against. */
    public LocalDate until() {
        return switch (precision) {
            case DAY -> date;
            case MONTH -> date.plusMonths(1).minusDays(1);
            case YEAR -> date.plusYears(1).minusDays(1);
        };
    }
}
