package org.parley.bulk;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.parley.api.PartialDate;

import com.fasterxml.jackson.databind.JsonNode;

/** Conversions between the values of lines and the columns they are stored in. */
final class Values {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private Values() {
    }

    /** The text of a field of a record; null when it is null or absent. */
    static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static Double number(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || value.isNull() ? null : value.doubleValue();
    }

    static PartialDate partial(String text) {
        return text == null ? null : PartialDate.parse(text);
    }

    /** "2018", "2018-05" or "2018-05-31", as precise as the date is known. */
    static String format(PartialDate date) {
        String day = date.date.toString();
        return switch (date.precision) {
            case DAY -> day;
            case MONTH -> day.substring(0, 7);
            case YEAR -> day.substring(0, 4);
        };
    }

    static String format(OffsetDateTime time) {
        return TIME.format(time);
    }

    static OffsetDateTime time(String text) {
        return text == null ? null : OffsetDateTime.parse(text);
    }

    /** A stored time as printed: in the UTC offset the source prints its times in. */
    static String printed(OffsetDateTime time, Integer offsetSeconds) {
        return time == null ? null
                : format(time.withOffsetSameInstant(
                        ZoneOffset.ofTotalSeconds(offsetSeconds == null ? 0 : offsetSeconds)));
    }

    /** First day, precision and last day of a partial date column triple; nulls when there is no date. */
    static LocalDate date(PartialDate date) {
        return date == null ? null : date.date;
    }

    static String precision(PartialDate date) {
        return date == null ? null : date.precision.name();
    }

    static LocalDate until(PartialDate date) {
        return date == null ? null : date.until();
    }

    /** SQL that formats a (date, precision) column pair as a partial date, e.g. "2018-05". */
    static String sqlPartial(String date, String precision) {
        return "case " + precision + " when 'DAY' then to_char(" + date + ", 'YYYY-MM-DD') when 'MONTH' then to_char("
                + date + ", 'YYYY-MM') when 'YEAR' then to_char(" + date + ", 'YYYY') end";
    }
}
