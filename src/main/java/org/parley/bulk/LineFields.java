package org.parley.bulk;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.parley.api.DateResolution;
import org.parley.api.PartialDate;
import org.parley.api.PartialDateInput;
import org.parley.api.NodeType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fields of one line, or of one object nested in it, checked one by one and put into {@link #given()} in the
 * form the export writes: partial dates as YYYY, YYYY-MM or YYYY-MM-DD, times to the second, references as keys.
 * A line gives only the fields it sets (the others keep their values); a nested object (a role, a participant, a
 * place, a status change) is whole: a field it leaves out is null.
 */
final class LineFields {

    private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern PARTIAL_DATE = Pattern.compile("[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?");

    /** Reads one element of a list, or a nested object. */
    interface Reader {
        void read(LineFields element) throws LineRejected, SQLException;
    }

    private final ObjectNode line;
    private final String path;
    private final boolean whole;
    private final References references;
    private final ObjectNode given = JsonNodeFactory.instance.objectNode();

    private LineFields(ObjectNode line, String path, boolean whole, References references, Set<String> allowed)
            throws LineRejected {
        this.line = line;
        this.path = path;
        this.whole = whole;
        this.references = references;
        for (Iterator<String> names = line.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw LineRejected.invalid((path.isEmpty() ? "" : path + ": ") + "unknown field \"" + name + "\"");
            }
        }
    }

    /** The fields of a line of the given type. */
    static LineFields of(ObjectNode line, References references, List<String> fields) throws LineRejected {
        Set<String> allowed = new HashSet<>(fields);
        allowed.add("type");
        return new LineFields(line, "", false, references, allowed);
    }

    /** The checked values of the fields given, in their exported form. */
    ObjectNode given() {
        return given;
    }

    /** The record's own key, if the line gives one (null is no key). */
    void key() throws LineRejected {
        matching("key", References.KEY, "a key of lower-case letters, digits and hyphens");
        if (given.has("key") && given.get("key").isNull()) {
            given.remove("key");
        }
    }

    /** A string of {@code min} to {@code max} characters, or null. */
    void text(String field, int min, int max) throws LineRejected {
        string(field, text -> {
            int length = text.codePointCount(0, text.length());
            if (length < min || length > max) {
                throw invalid(field, min == 0 ? "must have at most " + max + " characters"
                        : "must have between " + min + " and " + max + " characters");
            }
            return text;
        });
    }

    /** A string matching {@code pattern}, or null. */
    void matching(String field, Pattern pattern, String expectation) throws LineRejected {
        string(field, text -> {
            if (text.length() > 2000 || !pattern.matcher(text).matches()) {
                throw invalid(field, "must be " + expectation);
            }
            return text;
        });
    }

    /** One of the names of an enum, or null. */
    <E extends Enum<E>> void choice(String field, Class<E> values) throws LineRejected {
        string(field, text -> {
            try {
                return Enum.valueOf(values, text).name();
            } catch (IllegalArgumentException e) {
                throw invalid(field, "must be one of " + Arrays.toString(values.getEnumConstants()));
            }
        });
    }

    /** A date known to the year, month or day ("2018", "2018-05", "2018-05-31"), or null. */
    void partialDate(String field) throws LineRejected {
        string(field, text -> {
            try {
                if (!PARTIAL_DATE.matcher(text).matches()) {
                    throw new IllegalArgumentException(text);
                }
                return Values.format(Values.partial(text)); // the date must exist
            } catch (RuntimeException e) {
                throw invalid(field, "must be a date given as YYYY, YYYY-MM or YYYY-MM-DD");
            }
        });
    }

    private static final Set<String> INTERVAL_FIELDS = Set.of("date", "earliest", "latest", "resolution", "note");

    /**
     * A date that keeps its interval: a partial date as {@link #partialDate} takes it, or an object {"date":
     * "2024-07", "earliest": "2024-07-20", "latest": "2024-07-31", "resolution": "AS_REPORTED", "note": "..."}
     * checked as the API checks a PartialDateInput; written in the form the export gives (text when plain).
     */
    void uncertainDate(String field) throws LineRejected {
        JsonNode node = line.get(field);
        if (!present(field) || node == null || !node.isObject()) {
            partialDate(field);
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!INTERVAL_FIELDS.contains(name)) {
                throw invalid(field, "unknown field \"" + name + "\" (expected date, earliest, latest, resolution, note)");
            }
        }
        LineFields inner = new LineFields((ObjectNode) node, name(field), true, references, INTERVAL_FIELDS);
        inner.partialDate("date");
        inner.required("date");
        inner.matching("earliest", DAY, "a day given as YYYY-MM-DD");
        inner.matching("latest", DAY, "a day given as YYYY-MM-DD");
        inner.choice("resolution", DateResolution.class);
        inner.text("note", 0, 300);
        ObjectNode checked = inner.given();
        PartialDate period = Values.partial(Values.text(checked, "date"));
        PartialDateInput input = new PartialDateInput();
        input.date = period.date;
        input.precision = period.precision;
        try {
            input.earliest = day(checked, "earliest");
            input.latest = day(checked, "latest");
            String resolution = Values.text(checked, "resolution");
            input.resolution = resolution == null ? null : DateResolution.valueOf(resolution);
            input.resolutionNote = Values.text(checked, "note");
            given.set(field, Values.node(input.toPartialDate()));
        } catch (PartialDateInput.Invalid e) {
            throw inner.invalid(e.field, e.getMessage());
        } catch (DateTimeException e) {
            throw invalid(field, "earliest and latest must be days of the calendar, given as YYYY-MM-DD");
        }
    }

    private static LocalDate day(ObjectNode checked, String field) {
        String text = Values.text(checked, field);
        return text == null ? null : LocalDate.parse(text);
    }

    /** A date and time with its UTC offset, kept to the second, or null. */
    void dateTime(String field) throws LineRejected {
        string(field, text -> {
            try {
                return Values.format(OffsetDateTime.parse(text).truncatedTo(ChronoUnit.SECONDS));
            } catch (DateTimeParseException e) {
                throw invalid(field, "must be a date and time with its offset, e.g. 2018-06-01T15:19:00+05:30");
            }
        });
    }

    /** Checks a string value and gives its exported form. */
    private interface Check {
        String check(String text) throws LineRejected;
    }

    /** A string field, if the line has it: null, or the string as {@code check} accepts and writes it. */
    private void string(String field, Check check) throws LineRejected {
        if (present(field)) {
            String text = string(field);
            given.put(field, text == null ? null : check.check(text));
        }
    }

    /** Rejects the line when {@code record} (the line merged over the stored record) lacks one of the fields. */
    void required(ObjectNode record, String... fields) throws LineRejected {
        for (String field : fields) {
            if (record.path(field).isNull() || record.path(field).isMissingNode()) {
                throw invalid(field, "is required");
            }
        }
    }

    /** Rejects a nested object that lacks one of the fields. */
    void required(String... fields) throws LineRejected {
        required(given, fields);
    }

    /** A number from {@code min} to {@code max}, or null. */
    void number(String field, double min, double max) throws LineRejected {
        if (present(field)) {
            JsonNode node = line.get(field);
            if (node == null || node.isNull()) {
                given.putNull(field);
                return;
            }
            if (!node.isNumber() || !(node.doubleValue() >= min && node.doubleValue() <= max)) {
                throw invalid(field, "must be a number from " + (int) min + " to " + (int) max);
            }
            given.put(field, node.doubleValue());
        }
    }

    /** An actor named by key, Wikidata ID or name; with {@code later}, also the key of an actor on a later line. */
    References.Ref actor(String field, boolean later) throws LineRejected, SQLException {
        String ref = reference(field);
        return ref == null ? null : resolved(field, ref, references.actor(ref), "actor", later);
    }

    /** A source named by key or URL. */
    References.Ref source(String field) throws LineRejected, SQLException {
        String ref = reference(field);
        return ref == null ? null : resolved(field, ref, references.source(ref), "source", false);
    }

    References.Ref encounter(String field) throws LineRejected, SQLException {
        String ref = reference(field);
        return ref == null ? null : resolved(field, ref, references.encounter(ref), "encounter", false);
    }

    /** A statement named by key; with {@code later}, also a statement on a later line. */
    References.Ref statement(String field, boolean later) throws LineRejected, SQLException {
        String ref = reference(field);
        return ref == null ? null : resolved(field, ref, references.statement(ref), "statement", later);
    }

    /** A list of distinct strings, each of 1 to {@code max} characters; null is read as an empty list. */
    void texts(String field, int max) throws LineRejected, SQLException {
        list(field, (element, index) -> {
            if (!element.isTextual() || element.textValue().isEmpty()
                    || element.textValue().codePointCount(0, element.textValue().length()) > max) {
                throw invalid(field + "[" + index + "]", "must be a string of 1 to " + max + " characters");
            }
            return element;
        });
    }

    /** A list of distinct actors, named as in {@link #actor}. */
    void actors(String field) throws LineRejected, SQLException {
        list(field, (element, index) -> {
            String name = field + "[" + index + "]";
            if (!element.isTextual()) {
                throw invalid(name, "must be a string");
            }
            References.Ref found = references.actor(element.textValue());
            if (found == null) {
                throw unknown(name, "actor", element.textValue(), false);
            }
            return JsonNodeFactory.instance.textNode(found.key());
        });
    }

    /** A list of encounters by key, each stored or on an earlier line. */
    void encounters(String field) throws LineRejected, SQLException {
        keys(field, NodeType.ENCOUNTER);
    }

    /** A list of records of a kind found by key alone, each stored or on an earlier line. */
    void keys(String field, NodeType type) throws LineRejected, SQLException {
        keys(field, type, false);
    }

    /** A list of records of a kind found by key alone; with {@code later}, also keys of later lines. */
    void keys(String field, NodeType type, boolean later) throws LineRejected, SQLException {
        String kind = type.typeName().toLowerCase(Locale.ROOT);
        list(field, (element, index) -> {
            String name = field + "[" + index + "]";
            if (!element.isTextual()) {
                throw invalid(name, "must be a string");
            }
            References.Ref found = references.keyed(type, element.textValue());
            if (found == null && later && References.KEY.matcher(element.textValue()).matches()) {
                return element; // resolved at the end of the file
            }
            if (found == null) {
                throw unknown(name, kind, element.textValue(), later);
            }
            return JsonNodeFactory.instance.textNode(found.key());
        });
    }

    /** A list of objects, each whole, with the given fields. */
    void objects(String field, List<String> fields, Reader reader) throws LineRejected, SQLException {
        list(field, (element, index) -> {
            LineFields nested = nested(field + "[" + index + "]", element, fields);
            reader.read(nested);
            return nested.given;
        });
    }

    /** A whole object with the given fields, or null. */
    void object(String field, List<String> fields, Reader reader) throws LineRejected, SQLException {
        if (present(field)) {
            JsonNode node = line.get(field);
            if (node == null || node.isNull()) {
                given.putNull(field);
                return;
            }
            LineFields nested = nested(field, node, fields);
            reader.read(nested);
            given.set(field, nested.given);
        }
    }

    private interface ElementReader {
        JsonNode read(JsonNode element, int index) throws LineRejected, SQLException;
    }

    private void list(String field, ElementReader reader) throws LineRejected, SQLException {
        if (!present(field)) {
            return;
        }
        JsonNode node = line.get(field);
        ArrayNode values = given.putArray(field);
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isArray()) {
            throw invalid(field, "must be a list");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode value = reader.read(node.get(i), i);
            for (JsonNode earlier : values) {
                if (earlier.equals(value)) {
                    throw invalid(field + "[" + i + "]", "is already on the list");
                }
            }
            values.add(value);
        }
    }

    private LineFields nested(String name, JsonNode node, List<String> fields) throws LineRejected {
        if (!node.isObject()) {
            throw invalid(name, "must be an object");
        }
        return new LineFields((ObjectNode) node, name(name), true, references, new HashSet<>(fields));
    }

    private References.Ref resolved(String field, String ref, References.Ref found, String type, boolean later)
            throws LineRejected {
        if (found != null) {
            given.put(field, found.key());
            return found;
        }
        if (later && (References.KEY.matcher(ref).matches() || References.WIKIDATA_ID.matcher(ref).matches())) {
            given.put(field, ref); // resolved at the end of the file
            return null;
        }
        throw unknown(field, type, ref, later);
    }

    private String reference(String field) throws LineRejected {
        if (!present(field)) {
            return null;
        }
        String ref = string(field);
        if (ref == null) {
            given.putNull(field);
        }
        return ref;
    }

    private boolean present(String field) {
        return whole || line.has(field);
    }

    private String string(String field) throws LineRejected {
        JsonNode node = line.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(field, "must be a string");
        }
        return node.textValue();
    }

    private LineRejected unknown(String field, String type, String ref, boolean later) {
        return new LineRejected(ImportRejectionReason.UNKNOWN_REFERENCE, name(field) + ": no " + type + " \"" + ref
                + "\" in the database or " + (later ? "in the file" : "on an earlier line"));
    }

    LineRejected invalid(String field, String message) {
        return LineRejected.invalid(name(field) + ": " + message);
    }

    private String name(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
