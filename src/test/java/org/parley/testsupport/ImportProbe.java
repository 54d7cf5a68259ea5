package org.parley.testsupport;

import static org.awaitility.Awaitility.await;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.parley.bulk.Importer;

/**
 * Watches an import from the database's side, over a connection of the test's own: how many rows each table holds,
 * which backend runs the import ({@link Importer#APPLICATION_NAME}), what it has written so far, and whether anything
 * still holds the imports' advisory lock ({@link Importer#LOCK_ID}).
 */
public final class ImportProbe {

    /** Opens a connection to the database under test. */
    public interface Connector {
        Connection connect() throws SQLException;
    }

    /** Far above what the waits below should take; a wait that exceeds it fails the test rather than hanging. */
    private static final Duration HANG_GUARD = Duration.ofMinutes(2);

    private final Connector connector;

    public ImportProbe(Connector connector) {
        this.connector = connector;
    }

    /** The rows of every table of the schema but Flyway's, by table name. */
    public Map<String, Long> rowsPerTable() throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection connection = connector.connect()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = connection.createStatement().executeQuery("select table_name from"
                    + " information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'"
                    + " and table_name <> 'flyway_schema_history'")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet count = connection.createStatement().executeQuery("select count(*) from " + table)) {
                    count.next();
                    rows.put(table, count.getLong(1));
                }
            }
        }
        return rows;
    }

    /** {@code before} with {@code added} rows more in the tables named. */
    public static Map<String, Long> plus(Map<String, Long> before, Map<String, Long> added) {
        Map<String, Long> after = new TreeMap<>(before);
        added.forEach((table, rows) -> after.merge(table, rows, Long::sum));
        return after;
    }

    /**
     * Waits until an import's backend holds a row-exclusive lock on each of {@code tables}: it has inserted rows
     * there, in a transaction still open (a table's lock is held to the end of the transaction).
     */
    public void awaitImportWriting(Collection<String> tables) throws Exception {
        await("an import writing to " + tables).atMost(HANG_GUARD).until(() -> count("select count(distinct l.relation) from pg_locks l"
                + " join pg_stat_activity a on a.pid = l.pid where a.application_name = ?"
                + " and l.mode = 'RowExclusiveLock' and l.relation::regclass::text = any(?)",
                Importer.APPLICATION_NAME, tables.toArray(String[]::new)) == tables.size());
    }

    /** The backends running an import (by application name) now. */
    public List<Integer> importBackends() throws SQLException {
        List<Integer> pids = new ArrayList<>();
        try (Connection connection = connector.connect();
                PreparedStatement statement = connection
                        .prepareStatement("select pid from pg_stat_activity where application_name = ?")) {
            statement.setString(1, Importer.APPLICATION_NAME);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getInt(1));
                }
            }
        }
        return pids;
    }

    /** Waits until no backend runs an import or holds (or waits for) the imports' advisory lock. */
    public void awaitNoImport() throws Exception {
        await("no import running and the imports' lock free").atMost(HANG_GUARD).until(() -> importBackends().isEmpty()
                && count(HOLDERS_OF_THE_LOCK, Importer.LOCK_ID) == 0);
    }

    /** Holders and waiters of the imports' lock: a bigint advisory key is split into classid (high) and objid. */
    private static final String HOLDERS_OF_THE_LOCK = "select count(*) from pg_locks where locktype = 'advisory'"
            + " and (classid::bigint << 32 | objid::bigint) = ?";

    private long count(String sql, Object... args) throws SQLException {
        try (Connection connection = connector.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof String[] array) {
                    statement.setArray(i + 1, connection.createArrayOf("text", array));
                } else {
                    statement.setObject(i + 1, args[i]);
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
