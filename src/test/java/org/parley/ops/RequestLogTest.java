package org.parley.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.GraphQLSocket;
import org.parley.testsupport.TestRows;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One log line per GraphQL request, with operation, duration and outcome, and nothing of the variables; one per
 * subscription, not per event.
 */
@QuarkusTest
class RequestLogTest {

    private static final String SECRET = "s3cr3t-variable-value";

    @TestHTTPResource("/graphql")
    URI graphql;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger("org.parley.errors.RequestLog");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(String.format(record.getMessage(), record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
    }

    @Test
    void aSuccessfulRequestGivesOneLineWithoutItsVariables() {
        GraphQL.data("actorByName", "name", SECRET);

        assertEquals(1, lines.size(), "one line: " + lines);
        String line = lines.get(0);
        assertTrue(line.matches("graphql operation=ActorByName type=query fields=actor duration_ms=\\d+ outcome=ok"),
                line);
        assertFalse(line.contains(SECRET), line);
    }

    @Test
    void aSubscriptionIsLoggedOnceNotOncePerEvent() throws Exception {
        long newest = Database.count("select max(commit_seq) from change_log");
        try (GraphQLSocket socket = GraphQLSocket.open(graphql, null).acknowledged()) {
            socket.subscribe("all", GraphQL.operation("liveChanges"),
                    GraphQL.vars("after", GraphQLSocket.cursor(newest)));
            for (int i = 0; i < 3; i++) {
                GraphQL.as(DevTokens.editor(), "createActor", "input",
                        Map.of("kind", "PERSON", "name", TestRows.unique("Logged once")));
            }
            for (int i = 0; i < 3; i++) {
                assertEquals("createActor", socket.next("all").at("/payload/data/changes/operation").asText());
            }
        }
        List<String> subscription = lines.stream().filter(line -> line.contains("type=subscription")).toList();
        assertEquals(1, subscription.size(), "the subscription's start only: " + lines);
        assertTrue(subscription.get(0).contains("fields=changes"), subscription.get(0));
        assertEquals(3, lines.stream().filter(line -> line.contains("fields=createActor")).count(), lines.toString());
    }

    @Test
    void aRefusedRequestIsLoggedWithItsCodes() {
        GraphQL.post("query Broken { actors { nodes { nope } } }", Map.of("token", SECRET)).statusCode(200);

        assertEquals(1, lines.size(), "one line: " + lines);
        assertTrue(lines.get(0).matches("graphql operation=Broken type=query fields=actors duration_ms=\\d+ "
                + "outcome=error codes=GRAPHQL_VALIDATION_FAILED"), lines.get(0));
        assertFalse(lines.get(0).contains(SECRET));
    }

    @Test
    void theLineNamesTwentyRootFieldsAtMostEachCutTo64Characters() {
        StringBuilder query = new StringBuilder("query ").append("Op".repeat(100)).append(" {");
        for (int i = 0; i < 25; i++) {
            query.append(" f").append(i);
        }
        query.append(' ').append("x".repeat(200)).append(" }");
        GraphQL.post(query.toString(), Map.of()).statusCode(200);

        assertEquals(1, lines.size(), "one line: " + lines);
        String line = lines.get(0);
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            fields.append(i == 0 ? "" : ",").append('f').append(i);
        }
        assertTrue(line.startsWith("graphql operation=" + "Op".repeat(32) + " type=query fields=" + fields
                + ",+6 more duration_ms="), line);
        assertTrue(line.length() < 400, "a short line: " + line.length());
    }
}
