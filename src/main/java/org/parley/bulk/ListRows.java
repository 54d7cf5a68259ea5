package org.parley.bulk;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A list field of a record (an actor's aliases and roles, an encounter's participants and status history, what a
 * statement is about) kept as rows of a table of its own, one per element in the list's order. A list is replaced
 * whole (docs/IMPORT.md): when a line changes it, its rows are deleted and written again.
 */
final class ListRows {

    /**
     * The values of an element's row, after the owner's id, in the order of the columns; null when the row is
     * written later (it names a record of a later line).
     */
    interface Row {
        Object[] values(ImportSession session, long ownerId, JsonNode element, int position) throws SQLException;
    }

    private final String field;
    private final String insert;
    private final String delete;
    private final Row row;

    /** {@code columns} are those after {@code ownerColumn}, which every row starts with. */
    ListRows(String field, String table, String ownerColumn, List<String> columns, Row row) {
        this.field = field;
        this.insert = "insert into " + table + " (" + ownerColumn + ", " + String.join(", ", columns) + ") values ("
                + String.join(", ", Collections.nCopies(columns.size() + 1, "?")) + ")";
        this.delete = "delete from " + table + " where " + ownerColumn + " = ?";
        this.row = row;
    }

    /** Writes a row for each element of the record's list. */
    void insert(ImportSession session, long ownerId, ObjectNode record) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        int position = 0;
        for (JsonNode element : record.get(field)) {
            Object[] values = row.values(session, ownerId, element, position++);
            if (values == null) {
                continue;
            }
            Object[] all = new Object[values.length + 1];
            all[0] = ownerId;
            System.arraycopy(values, 0, all, 1, values.length);
            rows.add(all);
        }
        session.batch(insert, rows);
    }

    /** Writes the list again when the record's differs from the one stored ({@code before}). */
    void replace(ImportSession session, long ownerId, ObjectNode record, ObjectNode before) throws SQLException {
        if (!record.get(field).equals(before.get(field))) {
            session.update(delete, ownerId);
            insert(session, ownerId, record);
        }
    }
}
