package org.parley.bulk;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.write.PastDeadlineException;
import org.parley.write.WriteDeadline;
import org.postgresql.PGConnection;

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

    /** SQLSTATE connection_failure. */
    private static final String CONNECTION_FAILURE = "08006";
    private static final int VALIDATION_SECONDS = 5;

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

    /**
     * Imports the lines for a request that is answered {@code TIMEOUT} at {@code deadlineNanos}
     * ({@link System#nanoTime()}): the import ends there too, rolled back, so that no transaction outlives its
     * answer. The statement running at the deadline is cancelled, reading the next line past it stops the import,
     * and nothing commits once the deadline has passed; PostgreSQL's idle-in-transaction timeout is the backstop.
     * Throws {@link PastDeadlineException} (code {@code TIMEOUT}) when the deadline ended it. {@code commits} is the
     * request's: the import commits only if the request was not answered at its deadline first.
     */
    public ImportReport importLines(Reader lines, String subject, long deadlineNanos, WriteDeadline.Commits commits)
            throws SQLException, IOException {
        ImportReport report;
        try {
            report = transaction(connection -> {
                long remaining = WriteDeadline.remainingMillis(deadlineNanos);
                if (remaining <= 0) {
                    throw new PastDeadlineException();
                }
                try (PreparedStatement settings = connection.prepareStatement(
                        "select set_config('idle_in_transaction_session_timeout', ?, true)")) {
                    settings.setString(1, (remaining + 1000) + "ms");
                    settings.execute();
                }
                PGConnection driver = connection.unwrap(PGConnection.class);
                AtomicBoolean done = new AtomicBoolean();
                DEADLINES.schedule(() -> {
                    if (!done.get()) {
                        cancelQuietly(driver);
                    }
                }, remaining, TimeUnit.MILLISECONDS);
                try {
                    ImportReport result = Importer.run(connection, new DeadlineReader(lines, deadlineNanos), subject,
                            Importer.Mode.UPSERT);
                    if (WriteDeadline.remainingMillis(deadlineNanos) <= 0 || result.accepted() && !commits.begin()) {
                        throw new PastDeadlineException();
                    }
                    return result;
                } finally {
                    done.set(true);
                }
            }, ImportReport::accepted);
        } catch (SQLException | IOException | RuntimeException e) {
            // a statement cancelled at the deadline, or the reader stopped: the request's TIMEOUT, not a failure
            if (WriteDeadline.remainingMillis(deadlineNanos) <= 0 && !(e instanceof PastDeadlineException)) {
                PastDeadlineException timeout = new PastDeadlineException();
                timeout.addSuppressed(e);
                throw timeout;
            }
            throw e;
        }
        report.committed = report.accepted();
        return report;
    }

    /**
     * Cancels the imports that reach their deadline: a thread of its own, since the common pool (one thread on two
     * cores) may be busy when the deadline comes, and the cancel request opens a connection, which blocks.
     */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "parley-import-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private static void cancelQuietly(PGConnection driver) {
        try {
            driver.cancelQuery();
        } catch (SQLException e) {
            // the statement ended meanwhile, or the connection is gone: nothing left to cancel
        }
    }

    /** Stops reading once the deadline has passed. */
    private static final class DeadlineReader extends FilterReader {
        private final long deadlineNanos;

        DeadlineReader(Reader in, long deadlineNanos) {
            super(in);
            this.deadlineNanos = deadlineNanos;
        }

        private void check() {
            if (WriteDeadline.remainingMillis(deadlineNanos) <= 0) {
                throw new PastDeadlineException();
            }
        }

        @Override
        public int read() throws IOException {
            check();
            return super.read();
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            check();
            return super.read(buffer, offset, length);
        }
    }

    /** The {@code application_name} of an export's connection for the length of its transaction. */
    public static final String EXPORT_APPLICATION_NAME = "parley-export";

    /**
     * Writes every record, as one consistent snapshot. Each statement of the export is cancelled by PostgreSQL after
     * {@code statementTimeout}; the writer bounds the time spent waiting for the client (ResponseStream).
     */
    public void export(Writer out, Duration statementTimeout) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            try {
                // both for the transaction only: the connection goes back to the pool as it came
                try (PreparedStatement settings = connection.prepareStatement(
                        "select set_config('application_name', ?, true), set_config('statement_timeout', ?, true)")) {
                    settings.setString(1, EXPORT_APPLICATION_NAME);
                    settings.setString(2, Math.max(1, statementTimeout.toMillis()) + "ms");
                    settings.execute();
                }
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

    /**
     * Runs {@code work} in a transaction that commits when {@code commit} accepts its result, else rolls back. When
     * the work fails, its failure is what is thrown: a rollback that fails too (the connection is gone: the database
     * was stopped, or the backend terminated) is added to it as suppressed, and PostgreSQL rolls the transaction back
     * itself when its connection ends. A failure that is not an SQLException, on a connection found gone, is
     * reported as the lost connection (SQLSTATE 08006) that caused it.
     */
    public <T> T transaction(Work<T> work, Predicate<T> commit) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(connection);
            } catch (SQLException | IOException e) {
                quietly(e, connection::rollback);
                quietly(e, () -> connection.setAutoCommit(true));
                throw e;
            } catch (RuntimeException | Error e) {
                quietly(e, connection::rollback);
                if (lost(connection)) {
                    // the driver failed in its own way on a connection that is gone (PgJDBC asserts, when
                    // assertions are on, if it closes under a batch): the database's failure all the same
                    throw new SQLException("The database connection was lost", CONNECTION_FAILURE, e);
                }
                quietly(e, () -> connection.setAutoCommit(true));
                throw e;
            }
            if (commit.test(result)) {
                connection.commit();
            } else {
                connection.rollback();
            }
            connection.setAutoCommit(true);
            return result;
        }
    }

    private static boolean lost(Connection connection) {
        try {
            return !connection.isValid(VALIDATION_SECONDS);
        } catch (SQLException e) {
            return true;
        }
    }

    private interface Step {
        void run() throws SQLException;
    }

    private static void quietly(Throwable failure, Step step) {
        try {
            step.run();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
