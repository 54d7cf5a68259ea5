package org.parley.live;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testsupport.GraphQL.as;
import static org.parley.testsupport.GraphQL.vars;
import static org.parley.testsupport.GraphQLSocket.cursor;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQLSocket;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Subscribers of the same request, as the same reader, share one execution (engine.SharedSubscriptions): each still
 * receives every event under its own operation id, and leaving does not end the others' stream; another cursor,
 * reader or filter gets an execution of its own; one who joins a stream from the same cursor later gets what it sent.
 */
@QuarkusTest
class SharedSubscriptionsTest {

    private static final String BY_SPEAKER = """
            subscription BySpeaker($filter: StatementRecordedFilter) {
              statementRecorded(filter: $filter) { operation statement { id text } }
            }""";
    private static final String BY_SPEAKER_AFTER = """
            subscription BySpeakerAfter($filter: StatementRecordedFilter, $after: String) {
              statementRecorded(filter: $filter, after: $after) { operation statement { id text } }
            }""";

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    MeterRegistry registry;

    /** The two speakers the subscriptions follow, and the live gauges as each test starts. */
    private String kim;
    private String putin;
    private double executionsBefore;
    private double subscriptionsBefore;

    @BeforeEach
    void readSpeakersAndGauges() {
        kim = Ids.bySlug("Actor", "kim-jong-un");
        putin = Ids.bySlug("Actor", "vladimir-putin");
        executionsBefore = gauge("parley.live.executions");
        subscriptionsBefore = gauge("parley.live.subscriptions");
    }

    @AfterAll
    static void cleanUp() {
        TestRows.removeAll();
    }

    @Test
    void subscribersOfOneRequestShareAnExecutionAndEachReceivesEveryEvent() throws Exception {
        try (GraphQLSocket first = GraphQLSocket.open(graphql, null).acknowledged();
                GraphQLSocket second = GraphQLSocket.open(graphql, null).acknowledged()) {
            first.subscribe("a", BY_SPEAKER, vars("filter", Map.of("speaker", kim)));
            second.subscribe("b", BY_SPEAKER, vars("filter", Map.of("speaker", kim)));
            second.subscribe("c", BY_SPEAKER, vars("filter", Map.of("speaker", kim)));
            first.subscribe("other", BY_SPEAKER, vars("filter", Map.of("speaker", putin)));
            await(() -> gauge("parley.live.subscriptions") - subscriptionsBefore, 4);
            // one execution for the three subscribers of kim's statements, one for putin's
            assertEquals(2, gauge("parley.live.executions") - executionsBefore);

            String byKim = recordStatement(kim);
            for (JsonNode event : List.of(first.next("a"), second.next("b"), second.next("c"))) {
                assertEquals("next", event.path("type").asText(), event.toString());
                assertEquals(byKim, event.at("/payload/data/statementRecorded/statement/id").asText(),
                        event.toString());
            }
            assertNull(first.poll("other", Duration.ofMillis(300)), "putin's subscriber gets nothing of kim's");

            // one subscriber leaves: the others' shared stream goes on
            second.complete("b");
            second.roundTrip();
            assertEquals(3, gauge("parley.live.subscriptions") - subscriptionsBefore);
            String again = recordStatement(kim);
            assertEquals(again, first.next("a").at("/payload/data/statementRecorded/statement/id").asText());
            assertEquals(again, second.next("c").at("/payload/data/statementRecorded/statement/id").asText());
            assertNull(second.poll("b", Duration.ofMillis(300)), "a completed operation gets no more events");

            String byPutin = recordStatement(putin);
            assertEquals(byPutin, first.next("other").at("/payload/data/statementRecorded/statement/id").asText());
        }
        // the last subscriber gone, its execution ends
        await(() -> gauge("parley.live.executions") - executionsBefore, 0);
        assertEquals(0, gauge("parley.live.subscriptions") - subscriptionsBefore);
    }

    @Test
    void anotherReaderOrAnotherCursorGetsAnExecutionOfItsOwn() throws Exception {
        String first = cursor(newestChange());
        recordStatement(putin); // not kim's: neither cursor replays anything of kim's
        String second = cursor(newestChange());
        try (GraphQLSocket anonymous = GraphQLSocket.open(graphql, null).acknowledged();
                GraphQLSocket editor = GraphQLSocket.open(graphql, DevTokens.editor()).acknowledged()) {
            anonymous.subscribe("plain", BY_SPEAKER, vars("filter", Map.of("speaker", kim)));
            editor.subscribe("plain", BY_SPEAKER, vars("filter", Map.of("speaker", kim)));
            anonymous.subscribe("first", BY_SPEAKER_AFTER, vars("filter", Map.of("speaker", kim), "after", first));
            anonymous.subscribe("second", BY_SPEAKER_AFTER, vars("filter", Map.of("speaker", kim), "after", second));
            await(() -> gauge("parley.live.subscriptions") - subscriptionsBefore, 4);
            assertEquals(4, gauge("parley.live.executions") - executionsBefore);

            String byKim = recordStatement(kim);
            for (JsonNode event : List.of(anonymous.next("plain"), editor.next("plain"), anonymous.next("first"),
                    anonymous.next("second"))) {
                assertEquals(byKim, event.at("/payload/data/statementRecorded/statement/id").asText(),
                        event.toString());
            }
        }
        await(() -> gauge("parley.live.executions") - executionsBefore, 0);
    }

    @Test
    void aSubscriberWhoJoinsAStreamFromTheSameCursorGetsWhatItSentFirst() throws Exception {
        String from = cursor(newestChange());
        Map<String, Object> variables = vars("filter", Map.of("speaker", kim), "after", from);
        try (GraphQLSocket early = GraphQLSocket.open(graphql, null).acknowledged();
                GraphQLSocket late = GraphQLSocket.open(graphql, null).acknowledged()) {
            early.subscribe("early", BY_SPEAKER_AFTER, variables);
            String before = recordStatement(kim);
            assertEquals(before, early.next("early").at("/payload/data/statementRecorded/statement/id").asText());

            // as after a failover: the same request from the same cursor, later (what the first was sent is kept)
            late.subscribe("late", BY_SPEAKER_AFTER, variables);
            JsonNode replayed = late.next("late");
            assertEquals(before, replayed.at("/payload/data/statementRecorded/statement/id").asText(),
                    replayed.toString());
            assertEquals(1, gauge("parley.live.executions") - executionsBefore);

            String after = recordStatement(kim);
            assertEquals(after, early.next("early").at("/payload/data/statementRecorded/statement/id").asText());
            assertEquals(after, late.next("late").at("/payload/data/statementRecorded/statement/id").asText());
            assertNull(late.poll("late", Duration.ofMillis(300)), "each event once");
            assertNull(early.poll("early", Duration.ofMillis(100)), "each event once");
        }
        await(() -> gauge("parley.live.executions") - executionsBefore, 0);
    }

    @Test
    void aRefusedRequestIsAnsweredToEachOfItsSubscribers() throws Exception {
        String unknown = "subscription { statementRecorded { noSuchField } }";
        try (GraphQLSocket first = GraphQLSocket.open(graphql, null).acknowledged();
                GraphQLSocket second = GraphQLSocket.open(graphql, null).acknowledged()) {
            first.subscribe("x", unknown, Map.of());
            second.subscribe("y", unknown, Map.of());
            for (JsonNode error : List.of(first.next("x"), second.next("y"))) {
                assertEquals("error", error.path("type").asText(), error.toString());
                assertTrue(error.path("payload").get(0).path("message").asText().contains("noSuchField"),
                        error.toString());
            }
            // the id is free again: it may be used for a new subscription
            first.subscribe("x", BY_SPEAKER, vars("filter", Map.of("speaker", kim)));
            first.roundTrip();
        }
        await(() -> gauge("parley.live.executions") - executionsBefore, 0);
    }

    @Test
    void aSubscribeWithoutADocumentIsRefusedAndTheSocketStaysUsable() throws Exception {
        try (GraphQLSocket socket = GraphQLSocket.open(graphql, null).acknowledged()) {
            for (String payload : List.of("{}", "{\"query\":42}", "\"not an object\"", "null")) {
                socket.sendRaw("{\"type\":\"subscribe\",\"id\":\"bad\",\"payload\":" + payload + "}");
                JsonNode error = socket.next("bad");
                assertEquals("error", error.path("type").asText(), payload + ": " + error);
                assertEquals("BAD_REQUEST", error.at("/payload/0/extensions/code").asText(), payload + ": " + error);
            }
            socket.roundTrip();
        }
        await(() -> gauge("parley.live.executions") - executionsBefore, 0);
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private static void await(DoubleSupplier value, double expected) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (value.getAsDouble() != expected) {
            assertTrue(System.currentTimeMillis() < until, "still " + value.getAsDouble() + ", not " + expected);
            Thread.sleep(20);
        }
    }

    private static long newestChange() {
        return Database.count("select max(commit_seq) from change_log");
    }

    private static String recordStatement(String speaker) throws Exception {
        Map<String, Object> input = new HashMap<>();
        input.put("text", TestRows.unique("Shared words"));
        input.put("mode", "PARAPHRASE");
        input.put("kind", "ASSESSMENT");
        input.put("speaker", speaker);
        input.put("attestations",
                List.of(Map.of("source", Ids.bySlug("Source", "moneycontrol-2018-06-01"), "excerpt", "zz test")));
        var recorded = as(DevTokens.editor(), "recordStatement", "input", input);
        assertThat(recorded.getList("data.recordStatement.userErrors"), empty());
        return recorded.getString("data.recordStatement.statement.id");
    }
}
