package org.parley.bulk;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.parley.bulk.ImportReport.Outcome;
import org.parley.bulk.ImportSession.Stored;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One type of line: how its records are read from the database (the export, and what an import compares a line
 * with) and how a line is applied. Both sides use the same form, so that a line exported and imported again
 * compares equal to what is stored.
 */
abstract class LineKind {

    /** Receives exported records one at a time. */
    interface Sink {
        void accept(ObjectNode record) throws IOException;
    }

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int FETCH_SIZE = 500;

    /** The value of the lines' {@code type}. */
    final String type;
    /** The fields of a record after {@code type}, in the order the export writes them. */
    final List<String> fields;
    /** Those of the fields that hold lists. */
    private final List<String> lists;
    /** The condition on {@link #select()} of the rows an export writes. */
    private final String exported;
    /** The order of the export. */
    private final String order;

    LineKind(String type, List<String> fields, List<String> lists, String exported, String order) {
        this.type = type;
        this.fields = fields;
        this.lists = lists;
        this.exported = exported;
        this.order = order;
    }

    /**
     * {@code select <row id>, <columns>, <deleted> from <table> <alias> [joins]}: what {@link #record} reads, and
     * whether the row is a tombstone. References to tombstones read as null, as the API shows them.
     */
    abstract String select();

    /** A row of {@link #select()} as a line. */
    abstract ObjectNode record(ResultSet row) throws SQLException;

    /** Applies a line of this type in the import's transaction. */
    abstract Outcome apply(ImportSession session, ObjectNode line) throws LineRejected, SQLException;

    /** Writes every record of this type, in export order, reading the rows a batch at a time. */
    void export(Connection connection, Sink sink) throws SQLException, IOException {
        try (PreparedStatement statement = connection.prepareStatement(
                select() + " where " + exported + " order by " + order)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sink.accept(record(rows));
                }
            }
        }
    }

    /** The record whose row matches {@code condition} (on {@link #select()}), or null. */
    Stored find(Connection connection, String condition, Object... args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(select() + " where " + condition)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? new Stored(rows.getLong(1), record(rows), rows.getBoolean("deleted")) : null;
            }
        }
    }

    /** A record of this type with nothing set: what a line creating one starts from. */
    ObjectNode empty() {
        ObjectNode record = start();
        fields.forEach(field -> {
            if (lists.contains(field)) {
                record.putArray(field);
            } else {
                record.putNull(field);
            }
        });
        return record;
    }

    /** A record with its {@code type}, to which the fields are added in order. */
    ObjectNode start() {
        return JsonNodeFactory.instance.objectNode().put("type", type);
    }

    /** What a line makes of the record: the stored one (or, for a new record, {@link #empty()}) with its fields. */
    ObjectNode merged(Stored existing, ObjectNode given) {
        return merge(existing == null ? empty() : existing.record(), given);
    }

    /** The record with the given fields replaced. */
    static ObjectNode merge(ObjectNode record, ObjectNode given) {
        ObjectNode merged = record.deepCopy();
        given.fields().forEachRemaining(field -> merged.set(field.getKey(), field.getValue()));
        return merged;
    }

    /** A JSON column (a list built by {@code json_agg}). */
    static JsonNode json(ResultSet row, String column) throws SQLException {
        try {
            return MAPPER.readTree(row.getString(column));
        } catch (JsonProcessingException e) {
            throw new SQLException("Column " + column + " is not JSON", e);
        }
    }

    /** SQL for a JSON list of the rows of a subquery, empty rather than null when there are none. */
    static String list(String element, String order, String from) {
        return "(select coalesce(json_agg(" + element + " order by " + order + "), '[]') " + from + ")::text";
    }

    /**
     * SQL for the key of the row of {@code table} that {@code idColumn} names. A scalar subquery rather than a join in
     * the lists: it is an index lookup whatever the planner's statistics (a join was planned as a hash join over a
     * whole table once a large import had made the statistics stale).
     */
    static String keyOf(String table, String idColumn) {
        return "(select k.slug from " + table + " k where k.id = " + idColumn + " and k.deleted_at is null)";
    }

    static Double number(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
