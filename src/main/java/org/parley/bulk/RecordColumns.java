package org.parley.bulk;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The columns of a record's own row that a line sets, in the order of the values a line type gives for them: the
 * insert writes the key and those values (and columns set only at creation, such as a statement's position); the
 * update writes the same values by row id, with a new version. One list for both, so that they cannot drift apart.
 */
final class RecordColumns {

    private final String insert;
    private final String update;

    RecordColumns(String table, List<String> columns) {
        this(table, columns, List.of());
    }

    RecordColumns(String table, List<String> columns, List<String> insertOnly) {
        List<String> inserted = new ArrayList<>(List.of("slug"));
        inserted.addAll(columns);
        inserted.addAll(insertOnly);
        this.insert = "insert into " + table + " (" + String.join(", ", inserted) + ") values ("
                + String.join(", ", Collections.nCopies(inserted.size(), "?")) + ") returning id";
        this.update = "update " + table + " set " + String.join(" = ?, ", columns)
                + " = ?, modified_at = now(), version = version + 1 where id = ?";
    }

    /** Inserts a row with {@code key}, {@code values} and the insert-only values; returns its id. */
    long insert(ImportSession session, String key, Object[] values, Object... insertOnly) throws SQLException {
        List<Object> args = new ArrayList<>(List.of(key));
        Collections.addAll(args, values);
        Collections.addAll(args, insertOnly);
        return session.insert(insert, args.toArray());
    }

    /** Sets {@code values} on row {@code id}. */
    void update(ImportSession session, long id, Object[] values) throws SQLException {
        List<Object> args = new ArrayList<>();
        Collections.addAll(args, values);
        args.add(id);
        session.update(update, args.toArray());
    }
}
