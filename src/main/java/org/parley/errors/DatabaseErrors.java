package org.parley.errors;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

/**
 * Recognises the failures that come from the database rather than from the request, so that the client gets a code
 * it can act on, and never the SQL or the driver's message:
 * <ul>
 * <li>{@value #UNAVAILABLE}: the database cannot be reached (connection refused, lost or closed by the server,
 * server shutting down or starting up, too many connections) or a pool (reactive or JDBC) has no free connection in time; the request can be retried
 * later.</li>
 * <li>{@value #TIMEOUT}: PostgreSQL cancelled a statement that ran past {@code parley.database.statement-timeout}
 * (SQLSTATE 57014).</li>
 * <li>{@code BAD_USER_INPUT}: PostgreSQL refused a value of the request (SQLSTATE class 22, data exceptions: a NUL
 * character in a string, a number out of range).</li>
 * </ul>
 * The reads' driver (Vert.x) and Hibernate Reactive wrap these failures differently, so the whole cause chain is
 * looked at.
 */
public final class DatabaseErrors {

    public static final String UNAVAILABLE = "DATABASE_UNAVAILABLE";
    public static final String TIMEOUT = "TIMEOUT";

    static final String UNAVAILABLE_MESSAGE = "The database is unavailable; try again later";
    static final String TIMEOUT_MESSAGE = "The database did not answer in time";
    static final String BAD_VALUE_MESSAGE = "An argument holds a value that cannot be stored or compared"
            + " (such as a NUL character)";

    private static final String QUERY_CANCELED = "57014";
    /** SQLSTATE class 22: data exceptions, a value from the request the database cannot take (a NUL character). */
    private static final String DATA_EXCEPTION_CLASS = "22";
    /** admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections. */
    private static final Set<String> SERVER_UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300");
    /** SQLSTATE class 08: connection exceptions. */
    private static final String CONNECTION_CLASS = "08";
    /**
     * What the Vert.x pool fails with when no connection became free within the acquire timeout: a statement
     * (reads), a connection asked for by Hibernate Reactive (writes).
     */
    private static final Set<String> POOL_WAIT_TIMEOUTS = Set.of("Timeout waiting for connection", "Timeout");
    /**
     * The JDBC pool's (Agroal) failure when no connection became free within its acquisition timeout: an SQLException
     * without SQLSTATE ("Sorry, acquisition timeout!", "Acquisition timeout while waiting for new connection").
     */
    private static final String JDBC_POOL_TIMEOUT = "acquisition timeout";
    /**
     * What the Vert.x client fails with when a statement is sent on a connection that is already closed: PostgreSQL
     * ended it (its idle-in-transaction timeout, while a starved event loop had not sent the transaction's next
     * statement), and the transaction is gone with it.
     */
    private static final String CONNECTION_CLOSED = "Connection is not active now";
    /** Longer chains than this are not the driver's wrapping any more. */
    private static final int MAX_DEPTH = 16;

    private DatabaseErrors() {
    }

    /** {@value #UNAVAILABLE}, {@value #TIMEOUT}, BAD_USER_INPUT, or null when the failure is not the database's. */
    public static String codeOf(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            String code = codeOfOne(t);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    static String messageFor(String code) {
        return switch (code) {
            case TIMEOUT -> TIMEOUT_MESSAGE;
            case ErrorCodes.BAD_USER_INPUT -> BAD_VALUE_MESSAGE;
            default -> UNAVAILABLE_MESSAGE;
        };
    }

    private static String codeOfOne(Throwable t) {
        String state = t instanceof DatabaseException database ? database.getSqlState()
                : t instanceof SQLException sql ? sql.getSQLState() : null;
        if (state == null && t instanceof SQLException && t.getMessage() != null
                && t.getMessage().toLowerCase(Locale.ROOT).contains(JDBC_POOL_TIMEOUT)) {
            return UNAVAILABLE;
        }
        if (state != null) {
            if (state.equals(QUERY_CANCELED)) {
                return TIMEOUT;
            }
            if (state.startsWith(DATA_EXCEPTION_CLASS)) {
                return ErrorCodes.BAD_USER_INPUT;
            }
            if (state.startsWith(CONNECTION_CLASS) || SERVER_UNAVAILABLE.contains(state)) {
                return UNAVAILABLE;
            }
            return null;
        }
        // connection refused or timed out (java.net.ConnectException), reset or closed sockets
        if (t instanceof IOException || t instanceof ClosedConnectionException
                || t instanceof ConnectionPoolTooBusyException) {
            return UNAVAILABLE;
        }
        if ((t instanceof VertxException || t instanceof NoStackTraceThrowable) && t.getMessage() != null
                && (POOL_WAIT_TIMEOUTS.contains(t.getMessage()) || t.getMessage().startsWith(CONNECTION_CLOSED))) {
            return UNAVAILABLE;
        }
        return null;
    }
}
