package org.parley.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * The driver's and Hibernate's failures, as they reach a resolver (wrapped or not), get the code a client can act on.
 * The fault tests (DatabaseFaultsTest) produce the common ones for real; these are the ones a test cannot easily
 * provoke (a full wait queue, a server shutting down mid-statement).
 */
class DatabaseErrorsTest {

    private static PgException pg(String sqlState) {
        return new PgException("server message", "ERROR", sqlState, "detail");
    }

    @Test
    void aCancelledStatementIsATimeoutHoweverWrapped() {
        assertEquals("TIMEOUT", DatabaseErrors.codeOf(pg("57014")));
        assertEquals("TIMEOUT", DatabaseErrors.codeOf(new CompletionException(new RuntimeException(pg("57014")))));
        // Hibernate Reactive turns the driver's failure into a JDBC-style exception that keeps the SQLSTATE
        assertEquals("TIMEOUT", DatabaseErrors.codeOf(new RuntimeException(new SQLException("text", "57014"))));
    }

    @Test
    void anUnreachableOrClosingServerIsUnavailable() {
        for (Throwable failure : new Throwable[] { new ConnectException("Connection refused"),
                ClosedConnectionException.INSTANCE, pg("57P01"), pg("57P03"), pg("53300"), pg("08006"),
                new ConnectionPoolTooBusyException("queue full"), new VertxException("Timeout waiting for connection"),
                new NoStackTraceThrowable("Timeout"), new CompletionException(new ConnectException("refused")),
                // a connection PostgreSQL closed (idle in transaction too long), used for the transaction's next step
                new RuntimeException("Failed to start a transaction",
                        new VertxException("Connection is not active now, current status: CLOSED", true)),
                // the JDBC pool (imports, exports) with no free connection in time
                new SQLException("Sorry, acquisition timeout!"),
                new SQLException("Acquisition timeout while waiting for new connection") }) {
            assertEquals("DATABASE_UNAVAILABLE", DatabaseErrors.codeOf(failure), failure.toString());
        }
    }

    @Test
    void aValueThePostgreSqlRefusesIsBadInput() {
        // invalid byte sequence (a NUL in a text parameter), numeric value out of range
        assertEquals("BAD_USER_INPUT", DatabaseErrors.codeOf(pg("22021")));
        assertEquals("BAD_USER_INPUT", DatabaseErrors.codeOf(new RuntimeException(pg("22003"))));
    }

    @Test
    void otherFailuresAreNotTheDatabasesAvailability() {
        assertNull(DatabaseErrors.codeOf(pg("23505")), "a unique violation is a bug or a race, not an outage");
        assertNull(DatabaseErrors.codeOf(new IllegalStateException("boom")));
        assertNull(DatabaseErrors.codeOf(new VertxException("something else")));
        assertNull(DatabaseErrors.codeOf(new NoStackTraceThrowable("other")));
    }

    @Test
    void javaClassNamesInValidationMessagesBecomeGraphQLTypeNames() {
        assertEquals("argument 'filter' is not a valid 'EncounterFilter'", ErrorCodes.withoutJavaNames(
                "argument 'filter' is not a valid 'Unknown Scalar Type [org.parley.encounter.EncounterFilter]'"));
    }
}
