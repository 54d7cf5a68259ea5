package org.parley.bulk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.parley.bulk.ImportReport.Outcome;
import org.parley.api.NodeType;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The state of one import inside its transaction: the connection, the records found so far, and what the end of the
 * file must still do. That last part is kept in temporary tables rather than in memory, so that a large file needs
 * no more memory than a small one: the records written (for the audit and the end checks), references to records of
 * later lines, and the encounters whose status history is to be derived from their first source.
 */
final class ImportSession {

    /** What a line did, and the file's own bookkeeping, written to temporary tables at the end of every chunk. */
    private static final String TABLES = """
            drop table if exists import_written, import_later, import_history;
            create temporary table import_written (line int not null, node_type text not null, node_id bigint not null,
                created boolean not null) on commit drop;
            create temporary table import_later (line int not null, kind text not null, owner_id bigint not null,
                position int, ref text not null) on commit drop;
            create temporary table import_history (line int not null, encounter_id bigint not null) on commit drop;
            """;

    /** A record as stored: its row id, its line, and whether it is a tombstone (deleted, or merged into another). */
    record Stored(long id, ObjectNode record, boolean deleted) {
    }

    interface Insert {
        long insert(ObjectNode record) throws SQLException, LineRejected;
    }

    interface Update {
        void update(long id, ObjectNode record, ObjectNode before) throws SQLException, LineRejected;
    }

    final Connection connection;
    final Importer.Mode mode;
    final References references;
    /** The number of the line being applied. */
    int line;
    private int nextStatementPosition;
    private final List<Object[]> written = new ArrayList<>();
    private final List<Object[]> later = new ArrayList<>();
    private final List<Object[]> histories = new ArrayList<>();

    ImportSession(Connection connection, Importer.Mode mode) {
        this.connection = connection;
        this.mode = mode;
        this.references = new References(connection);
    }

    /** Names the connection and takes the imports' lock, for the length of the transaction; prepares the tables. */
    void begin(String applicationName, long lockId) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(TABLES);
        }
        try (PreparedStatement name = prepare("select set_config('application_name', ?, true)", applicationName)) {
            name.execute();
        }
        try (PreparedStatement lock = prepare("select pg_advisory_xact_lock(?)", lockId)) {
            lock.execute(); // imports run one at a time: they would lock the same rows anyway
        }
        nextStatementPosition = (int) query("select coalesce(max(position) + 1, 0) from statement");
    }

    /**
     * Creates the record when it is new, updates it when the line changes it, and leaves it alone when the line
     * states what is stored (or, when only adding what is missing, whatever the line states). A tombstone's key is
     * refused: an import does not bring deleted records back.
     */
    Outcome upsert(NodeType type, Stored existing, ObjectNode merged, Insert insert, Update update)
            throws SQLException, LineRejected {
        if (existing == null) {
            written(type, insert.insert(merged), true);
            return Outcome.CREATED;
        }
        if (mode == Importer.Mode.ADD_MISSING) {
            return Outcome.UNCHANGED;
        }
        if (existing.deleted()) {
            throw LineRejected.invalid("key: the " + type.typeName().toLowerCase(Locale.ROOT) + " \""
                    + Values.text(existing.record(), "key") + "\" was deleted (or merged into another);"
                    + " its key cannot be used again");
        }
        if (existing.record().equals(merged)) {
            return Outcome.UNCHANGED;
        }
        update.update(existing.id(), merged, existing.record());
        written(type, existing.id(), false);
        return Outcome.UPDATED;
    }

    /** Notes a record written by this line: it gets an audit entry, and the end of the file checks it. */
    void written(NodeType type, long id, boolean created) {
        written.add(new Object[] { line, type.typeName(), id, created });
    }

    /**
     * Notes a reference that names no record found so far ({@code foundId} null), and so may name one of a later
     * line, to be set at the end of the file.
     */
    void laterUnlessFound(String kind, long ownerId, Integer position, String ref, Long foundId) {
        if (ref != null && foundId == null) {
            later.add(new Object[] { line, kind, ownerId, position, ref });
        }
    }

    /** Notes a new encounter whose status history starts, at the end of the file, from its first source. */
    void deriveHistory(long encounterId) {
        histories.add(new Object[] { line, encounterId });
    }

    int takeStatementPosition() {
        return nextStatementPosition++;
    }

    int statementPosition() {
        return nextStatementPosition;
    }

    /** Writes the notes of the lines applied since the last flush. */
    void flush() throws SQLException {
        batch("insert into import_written (line, node_type, node_id, created) values (?, ?, ?, ?)", written);
        batch("insert into import_later (line, kind, owner_id, position, ref) values (?, ?, ?, ?, ?)", later);
        batch("insert into import_history (line, encounter_id) values (?, ?)", histories);
    }

    /** After a rollback to a savepoint: forgets the notes and the records found since. */
    void reset(int statementPosition) {
        written.clear();
        later.clear();
        histories.clear();
        references.forget();
        nextStatementPosition = statementPosition;
    }

    /** A new key for a record without one: {@code base}, or base-2, base-3... when taken. */
    String freeKey(String table, String base) throws SQLException {
        Set<String> taken = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select slug from " + table + " where slug = ? or slug like ?")) {
            statement.setString(1, base);
            statement.setString(2, base + "-%");
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    taken.add(rows.getString(1));
                }
            }
        }
        String key = base;
        for (int n = 2; taken.contains(key); n++) {
            key = base + "-" + n;
        }
        return key;
    }

    /** Runs an insert that returns the new row's id. */
    long insert(String sql, Object... args) throws SQLException {
        return query(sql, args);
    }

    int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = prepare(sql, args)) {
            return statement.executeUpdate();
        }
    }

    void batch(String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
        rows.clear();
    }

    /** The first column of the first row, as a number. */
    long query(String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = prepare(sql, args); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
        return statement;
    }
}
