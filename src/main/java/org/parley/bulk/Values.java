package org.parley.bulk;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.parley.api.DatePrecision;
import org.parley.api.DateResolution;
import org.parley.api.PartialDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

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

    /**
     * A date that keeps its interval, as a line gives it after {@link LineFields#uncertainDate}: null, a partial date
     * ("2024-07") or an object with the date, its interval, resolution and note.
     */
    static PartialDate partial(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return PartialDate.parse(value.textValue());
        }
        PartialDate period = PartialDate.parse(value.get("date").textValue());
        return new PartialDate(period.date, period.precision, LocalDate.parse(value.get("earliest").textValue()),
                LocalDate.parse(value.get("latest").textValue()), DateResolution.valueOf(text(value, "resolution")),
                text(value, "note"));
    }

    /** The line form of a date that keeps its interval: a plain date as text, the rest as an object. */
    static JsonNode node(PartialDate date) {
        if (date == null) {
            return NullNode.getInstance();
        }
        if (date.plain()) {
            return TextNode.valueOf(format(date));
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("date", format(date))
                .put("earliest", date.earliest.toString()).put("latest", date.latest.toString())
                .put("resolution", date.resolution.name());
        if (date.resolutionNote != null) {
            node.put("note", date.resolutionNote);
        }
        return node;
    }

    /** Reads the columns that {@link PartialDate#columns} names from a JDBC row. */
    static PartialDate partial(ResultSet row, String prefix) throws SQLException {
        LocalDate date = row.getObject(prefix + "_date", LocalDate.class);
        return date == null ? null : new PartialDate(date, DatePrecision.valueOf(row.getString(prefix + "_precision")),
                row.getObject(prefix + "_earliest", LocalDate.class), row.getObject(prefix + "_latest", LocalDate.class),
                DateResolution.valueOf(row.getString(prefix + "_resolution")), row.getString(prefix + "_note"));
    }

    /** The interval columns after date, precision (and until): earliest, latest, resolution, note. */
    static Object[] interval(PartialDate date) {
        return date == null ? new Object[4]
                : new Object[] { date.earliest, date.latest, date.resolution.name(), date.resolutionNote };
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
