package org.parley.bulk;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Predicate;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Imports and exports over JDBC, each in one transaction on a connection of the JDBC pool (the reads and the
 * mutations use the reactive pool). Blocking: callers run these on worker threads.
 */
@ApplicationScoped
public class BulkService {

    /** Work on a connection inside a transaction. */
    public interface Work<T> {
        T run(Connection connection) throws SQLException, IOException;
    }

    private final DataSource dataSource;

    BulkService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Imports the lines, all or nothing, recording the changes under {@code subject}. */
    public ImportReport importLines(Reader lines, String subject) throws SQLException, IOException {
        ImportReport report = transaction(connection -> Importer.run(connection, lines, subject, Importer.Mode.UPSERT),
                ImportReport::accepted);
        report.committed = report.accepted();
        return report;
    }

    /** Writes every record, as one consistent snapshot. */
    public void export(Writer out) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            try {
                Exporter.export(connection, out);
                out.flush();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
                connection.setReadOnly(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        }
    }

    /** Runs {@code work} in a transaction that commits when {@code commit} accepts its result, else rolls back. */
    public <T> T transaction(Work<T> work, Predicate<T> commit) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                if (commit.test(result)) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                return result;
            } catch (SQLException | IOException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
