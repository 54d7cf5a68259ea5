package org.parley.reliability;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * A write forced past its request's deadline (issue 12, item 8): the test's own connection holds a lock the write
 * needs, the client gets TIMEOUT, and then, while the lock is still held, nothing of the write remains in
 * PostgreSQL (no transaction, no lock, no waiting backend); once the lock is gone a retry succeeds; and the request
 * has its line in the request log. The statement timeout is 60 s here, so only the deadline (5 s) can end the write.
 */
@QuarkusTest
@TestProfile(WriteDeadlineTest.ShortDeadline.class)
class WriteDeadlineTest {

    public static class ShortDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.limits.request-timeout", "5s", "parley.database.statement-timeout", "60s");
        }
    }

    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final Logger requestLog = Logger.getLogger("org.parley.errors.RequestLog");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logLines.add(String.format(record.getMessage(), record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureRequestLog() {
        requestLog.addHandler(capture);
    }

    @AfterEach
    void releaseRequestLog() {
        requestLog.removeHandler(capture);
    }

    @AfterAll
    static void removeWhatTheTestsCreated() {
        TestRows.removeAll();
    }

    private static String editor() throws Exception {
        return DevTokens.mint("test-editor", 600, "editor");
    }

    private static JsonPath createActor(String name) throws Exception {
        return GraphQL.as(editor(), "createActor", "input", Map.of("kind", "PERSON", "name", name));
    }

    /** Posts a write that must be answered TIMEOUT: 504 from the HTTP deadline, or the write's own TIMEOUT error. */
    private static void timesOut(String operation, Map<String, Object> input) throws Exception {
        GraphQL.post(GraphQL.operation(operation), GraphQL.vars("input", input), editor())
                .statusCode(is(oneOf(200, 504)))
                .body("errors[0].extensions.code", equalTo("TIMEOUT"));
    }

    private static long backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select pg_backend_pid()")) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * Waits (up to 15 s) until no backend of this database but the lock holder's and the checker's own is in a
     * transaction or waits for a lock; fails with what it saw otherwise.
     */
    private static void nothingLeftOfTheWrite(long lockHolder) throws InterruptedException {
        String query = "select pid, state, wait_event_type, left(query, 120) as query from pg_stat_activity"
                + " where datname = current_database() and pid <> pg_backend_pid() and pid <> ?"
                + " and (xact_start is not null or wait_event_type = 'Lock')";
        await("the timed-out write gone from PostgreSQL").atMost(Duration.ofSeconds(15))
                .until(() -> Database.rows(query, lockHolder).isEmpty());
        // this database's only: other builds share the PostgreSQL server
        assertEquals(0, Database.count("select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid"
                + " where not l.granted and a.datname = current_database()"), "locks waited for");
    }

    private void loggedWithTimeout(String operation) throws InterruptedException {
        await("a request log line with TIMEOUT for " + operation).atMost(Duration.ofSeconds(15))
                .until(() -> logLines.stream().anyMatch(line -> line.contains("operation=" + operation)
                        && line.contains("outcome=error codes=TIMEOUT")));
    }

    @Test
    void anUpdateStuckOnARowLockEndsAtTheDeadlineAndARetrySucceeds() throws Exception {
        String name = TestRows.unique("Deadline");
        String id = createActor(name).getString("data.createActor.actor.id");
        Map<String, Object> update = Map.of("id", id, "version", 0, "description", "written after the lock");
        try (Connection lock = Database.connect(); Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("select 1 from actor where id = " + Ids.dbId(id) + " for update");
            timesOut("updateActor", update);
            // the lock is still held: only the deadline can have ended the write
            nothingLeftOfTheWrite(backendPid(lock));
            lock.rollback();
        }
        loggedWithTimeout("UpdateActor");
        JsonPath retried = GraphQL.as(editor(), "updateActor", "input", update);
        assertEquals(List.of(), retried.getList("data.updateActor.userErrors"));
        assertEquals(1, retried.getInt("data.updateActor.actor.version"));
    }

    @Test
    void aCreateWhoseAuditWaitsPastTheDeadlineLeavesNothing() throws Exception {
        String name = TestRows.unique("Unaudited");
        try (Connection lock = Database.connect(); Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            // the audit insert, the write's last statement, waits for this lock
            statement.execute("lock table change_log in exclusive mode");
            timesOut("createActor", Map.of("kind", "PERSON", "name", name));
            nothingLeftOfTheWrite(backendPid(lock));
            lock.rollback();
        }
        loggedWithTimeout("CreateActor");
        assertTrue(Database.column("select id from actor where name = ?", name).isEmpty(), "the actor was rolled back");
        assertEquals(List.of(), createActor(name).getList("data.createActor.userErrors"));
    }

    @Test
    void aWriteWhoseCommitIsUnderwayAtTheDeadlineIsAnsweredOutcomeUnknown() throws Exception {
        int answeredAtTheDeadline = 0;
        for (int attempt = 0; attempt < 3 && answeredAtTheDeadline == 0; attempt++) {
            String name = TestRows.unique("Committing");
            ExtractableResponse<Response> answer;
            try (Connection lock = Database.connect(); Statement statement = lock.createStatement()) {
                // every write's COMMIT takes this lock to number its audit entry (migration V26): held here, the
                // write waits inside its COMMIT, which it sent before the deadline
                statement.execute("select pg_advisory_lock(7245190311)");
                answer = GraphQL.post(GraphQL.operation("createActor"),
                        GraphQL.vars("input", Map.of("kind", "PERSON", "name", name)), editor()).extract();
                statement.execute("select pg_advisory_unlock(7245190311)");
            }
            String code = answer.path("errors[0].extensions.code");
            if (answer.statusCode() == 504) {
                // the deadline's answer came while the COMMIT was underway: not TIMEOUT, which would say that
                // nothing was written
                assertEquals("OUTCOME_UNKNOWN", code, answer.asString());
                answeredAtTheDeadline++;
            } else {
                // PostgreSQL's statement timeout (the time left, set before the commit) cancelled the COMMIT before
                // the deadline's answer went out: the write's own TIMEOUT, and it was rolled back
                assertEquals("TIMEOUT", code, answer.asString());
                assertTrue(Database.column("select id from actor where name = ?", name).isEmpty(), "rolled back");
            }
        }
        assertEquals(1, answeredAtTheDeadline, "three commits cancelled before the deadline's answer");
    }

    @Test
    void anImportStuckOnATableLockEndsAtTheDeadlineAndLeavesNothing() throws Exception {
        String key = TestRows.unique("deadline-import").toLowerCase().replace(' ', '-');
        String name = TestRows.unique("Deadline Import");
        String line = "{\"type\":\"actor\",\"key\":\"" + key + "\",\"kind\":\"PERSON\",\"name\":\"" + name + "\"}";
        try (Connection lock = Database.connect(); Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            // every import writes actors through this table: the import waits here until its deadline
            statement.execute("lock table actor in exclusive mode");
            long started = System.nanoTime();
            GraphQL.post(GraphQL.operation("importData"), GraphQL.vars("lines", line), editor())
                    .statusCode(is(oneOf(200, 504)))
                    .body("errors[0].extensions.code", equalTo("TIMEOUT"));
            long answeredMillis = (System.nanoTime() - started) / 1_000_000;
            // at the 5 s deadline, not at the 60 s statement timeout; the margin is for a loaded machine (7.3 s seen
            // at load average 8 on 2 cores)
            assertTrue(answeredMillis < 9_000, "TIMEOUT at the 5 s deadline, not after it: " + answeredMillis + " ms");
            // the lock is still held: only the deadline can have ended the import's transaction
            nothingLeftOfTheWrite(backendPid(lock));
            lock.rollback();
        }
        loggedWithTimeout("ImportData");
        assertTrue(Database.column("select id from actor where name = ?", name).isEmpty(), "the import was rolled back");
        JsonPath retried = GraphQL.as(editor(), "importData", "lines", line);
        assertEquals(true, retried.getBoolean("data.importData.report.committed"));
    }
}
