package org.parley.live;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testsupport.GraphQL.as;
import static org.parley.testsupport.GraphQL.operation;
import static org.parley.testsupport.GraphQL.vars;
import static org.parley.testsupport.GraphQLSocket.cursor;
import static org.parley.testsupport.GraphQLSocket.cursorSeq;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.http.SlowClients;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQLSocket;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Subscriptions over a real WebSocket speaking graphql-transport-ws, against the test application and database. */
@QuarkusTest
class SubscriptionsTest {

    private static final String MONEYCONTROL = "moneycontrol-2018-06-01";

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    SlowClients slowClients;

    @AfterAll
    static void cleanUp() {
        TestRows.removeAll();
    }

    @Test
    void aWriteReachesTheSubscriberWhoseFilterItMatchesAndNoOther() throws Exception {
        String first = recordEncounter();
        String second = recordEncounter();
        String now = cursor(newestChange());
        try (GraphQLSocket socket = GraphQLSocket.open(graphql, null).acknowledged()) {
            socket.subscribe("first", operation("encounterChanged"),
                    vars("filter", Map.of("encounter", first), "after", now));
            socket.subscribe("second", operation("encounterChanged"),
                    vars("filter", Map.of("encounter", second), "after", now));
            awaitSubscribed(socket, "first", first);

            setStatus(second, 0, "CANCELLED");
            JsonNode event = socket.next("second");
            assertEquals("next", event.path("type").asText(), event.toString());
            assertEquals(second, event.at("/payload/data/encounterChanged/encounter/id").asText());
            assertEquals("CANCELLED", event.at("/payload/data/encounterChanged/encounter/status").asText());
            assertEquals("setEncounterStatus", event.at("/payload/data/encounterChanged/operation").asText());

            // events reach a subscription in order: the next one "first" receives is its own, not the other's
            setStatus(first, 1, "HELD");
            JsonNode own = socket.next("first");
            assertEquals(first, own.at("/payload/data/encounterChanged/encounter/id").asText(), own.toString());
            assertEquals("HELD", own.at("/payload/data/encounterChanged/encounter/status").asText());
        }
    }

    @Test
    void aStatementReachesTheSubscriberOfItsSpeakerOnly() throws Exception {
        String putin = Ids.bySlug("Actor", "vladimir-putin");
        String kim = Ids.bySlug("Actor", "kim-jong-un");
        String now = cursor(newestChange());
        try (GraphQLSocket socket = GraphQLSocket.open(graphql, null).acknowledged()) {
            socket.subscribe("putin", operation("statementRecorded"),
                    vars("filter", Map.of("speaker", putin), "after", now));
            socket.subscribe("kim", operation("statementRecorded"), vars("filter", Map.of("speaker", kim), "after", now));
            String byKim = recordStatement(kim);
            String byPutin = recordStatement(putin);
            JsonNode kims = socket.next("kim");
            assertEquals(byKim, kims.at("/payload/data/statementRecorded/statement/id").asText(), kims.toString());
            JsonNode putins = socket.next("putin");
            assertEquals(byPutin, putins.at("/payload/data/statementRecorded/statement/id").asText(),
                    putins.toString());
            assertEquals(putin, putins.at("/payload/data/statementRecorded/statement/speaker/id").asText());
        }
    }

    @Test
    void aStatementReachesTheSubscriberOfTheStatementItAnswersOnly() throws Exception {
        String kim = Ids.bySlug("Actor", "kim-jong-un");
        String putin = Ids.bySlug("Actor", "vladimir-putin");
        String question = recordStatement(kim);
        String now = cursor(newestChange());
        try (GraphQLSocket socket = GraphQLSocket.open(graphql, null).acknowledged()) {
            socket.subscribe("answers", operation("statementRecorded"),
                    vars("filter", Map.of("respondsTo", question), "after", now));
            recordStatement(putin); // answers nothing
            String answer = recordStatement(putin, question);
            JsonNode event = socket.next("answers");
            assertEquals(answer, event.at("/payload/data/statementRecorded/statement/id").asText(), event.toString());
            assertNull(socket.poll("answers", Duration.ofMillis(500)), "only the answer");
        }
    }

    @Test
    void aRolledBackWriteProducesNoEvent() throws Exception {
        String encounter = recordEncounter();
        try (GraphQLSocket socket = GraphQLSocket.open(graphql, null).acknowledged()) {
            socket.subscribe("all", operation("liveChanges"), vars("after", cursor(newestChange())));
            awaitSubscribed(socket, "all", encounter);
            long before = newestChange();
            // a stale version: refused with CONFLICT, its transaction (status step, audit entry) rolled back
            JsonNode refused = setStatusAnswer(encounter, 7, "CANCELLED");
            assertEquals("CONFLICT", refused.at("/data/setEncounterStatus/userErrors/0/code").asText(),
                    refused.toString());
            assertEquals(before, newestChange());
            setStatus(encounter, 1, "HELD");
            JsonNode next = socket.next("all");
            assertEquals("setEncounterStatus", next.at("/payload/data/changes/operation").asText(), next.toString());
            assertEquals("HELD", next.at("/payload/data/changes/node/status").asText());
            assertEquals(newestChange(), cursorSeq(next.at("/payload/data/changes/cursor").asText()));
        }
    }

    @Test
    void aClientThatReconnectsWithItsCursorReceivesExactlyWhatItMissedThenLiveChanges() throws Exception {
        String encounter = recordEncounter();
        String lastCursor;
        try (GraphQLSocket socket = GraphQLSocket.open(graphql, null).acknowledged()) {
            socket.subscribe("all", operation("liveChanges"), vars("after", cursor(newestChange())));
            lastCursor = awaitSubscribed(socket, "all", encounter).at("/payload/data/changes/cursor").asText();
        }
        // written while the client was away
        setStatus(encounter, 1, "CANCELLED");
        String other = recordEncounter();
        setStatus(encounter, 2, "HELD");
        List<Long> missed = Database.column("select commit_seq from change_log where commit_seq > ?"
                + " order by commit_seq", cursorSeq(lastCursor));
        assertEquals(3, missed.size());

        try (GraphQLSocket socket = GraphQLSocket.open(graphql, null).acknowledged()) {
            socket.subscribe("again", operation("liveChanges"), vars("after", lastCursor));
            List<Long> received = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < missed.size(); i++) {
                JsonNode event = socket.next("again");
                received.add(cursorSeq(event.at("/payload/data/changes/cursor").asText()));
                ids.add(event.at("/payload/data/changes/id").asText());
            }
            assertEquals(missed, received);
            assertEquals(List.of(encounter, other, encounter), ids);
            // then live, with nothing replayed twice
            setStatus(other, 0, "HELD");
            JsonNode live = socket.next("again");
            assertEquals(newestChange(), cursorSeq(live.at("/payload/data/changes/cursor").asText()), live.toString());
            assertEquals(other, live.at("/payload/data/changes/id").asText());
            assertNull(socket.poll("again", Duration.ofMillis(300)));
        }
    }

    @Test
    void changesCommittedWhileTheListeningConnectionIsLostAreDeliveredOnceItIsBack() throws Exception {
        String encounter = recordEncounter();
        try (GraphQLSocket socket = GraphQLSocket.open(graphql, null).acknowledged()) {
            socket.subscribe("mine", operation("encounterChanged"),
                    vars("filter", Map.of("encounter", encounter), "after", cursor(newestChange())));
            awaitSubscribed(socket, "mine", encounter);
            long terminated = Database.count("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                    + " where datname = current_database() and query like 'LISTEN%parley_changes%'");
            assertEquals(1, terminated, "this replica's one listening connection");
            setStatus(encounter, 1, "HELD"); // committed while nobody listens
            JsonNode event = socket.next("mine");
            assertEquals("HELD", event.at("/payload/data/encounterChanged/encounter/status").asText(), event.toString());
        }
    }

    @Test
    void anOpenWriteTransactionHoldsUpNoOtherWriteAndBothAreDeliveredInCommitOrder() throws Exception {
        String encounter = recordEncounter();
        long actor = Ids.dbId(Ids.bySlug("Actor", "kim-jong-un"));
        try (GraphQLSocket socket = GraphQLSocket.open(graphql, null).acknowledged();
                Connection open = Database.connect()) {
            socket.subscribe("all", operation("liveChanges"), vars("after", cursor(newestChange())));
            long before = cursorSeq(awaitSubscribed(socket, "all", encounter).at("/payload/data/changes/cursor")
                    .asText());
            // a write that has made its audit entry and not committed yet, as a slow client's would be
            open.setAutoCommit(false);
            try (PreparedStatement insert = open.prepareStatement("insert into change_log (subject, operation,"
                    + " node_type, node_id) values ('zz-test', 'updateActor', 'Actor', ?)")) {
                insert.setLong(1, actor);
                insert.executeUpdate();
            }
            long started = System.nanoTime();
            setStatus(encounter, TestRows.version("encounter", encounter), "HELD");
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "the write waited " + took);
            JsonNode first = socket.next("all");
            assertEquals("setEncounterStatus", first.at("/payload/data/changes/operation").asText(), first.toString());
            assertNull(socket.poll("all", Duration.ofMillis(300)), "nothing of the open transaction yet");

            open.commit();
            JsonNode second = socket.next("all");
            assertEquals("updateActor", second.at("/payload/data/changes/operation").asText(), second.toString());
            // in commit order, as the audit trail numbers them, with no gap and nothing twice
            List<Long> committed = Database.column("select commit_seq from change_log where commit_seq > ?"
                    + " order by commit_seq", before);
            assertEquals(committed, List.of(cursorSeq(first.at("/payload/data/changes/cursor").asText()),
                    cursorSeq(second.at("/payload/data/changes/cursor").asText())));
            assertNull(socket.poll("all", Duration.ofMillis(300)));
        } finally {
            Database.execute("delete from change_log where subject = 'zz-test' and node_id = ?", actor);
        }
    }

    @Test
    void aCursorHandedOutBeforeCommitNumbersResumesAfterItsEntry() throws Exception {
        // entries of rolled-back writes use up ids but get no number: the id and the number of an entry differ
        try (Connection rolledBack = Database.connect()) {
            rolledBack.setAutoCommit(false);
            rolledBack.createStatement().executeUpdate("insert into change_log (subject, operation, node_type,"
                    + " node_id) select 'zz-test', 'updateActor', 'Actor', 0 from generate_series(1, 3)");
            rolledBack.rollback();
        }
        String encounter = recordEncounter();
        long id = Database.count("select max(id) from change_log");
        long seq = Database.count("select commit_seq from change_log where id = ?", id);
        assertTrue(id != seq, id + " is also the entry's number");
        setStatus(encounter, TestRows.version("encounter", encounter), "HELD");
        try (GraphQLSocket socket = GraphQLSocket.open(graphql, null).acknowledged()) {
            // an id cursor, as handed out before migration V26: resumes after that entry's number
            socket.subscribe("old", operation("liveChanges"), vars("after", GraphQLSocket.idCursor(id)));
            JsonNode event = socket.next("old");
            assertEquals("setEncounterStatus", event.at("/payload/data/changes/operation").asText(), event.toString());
            assertEquals(Database.count("select min(commit_seq) from change_log where commit_seq > ?", seq),
                    cursorSeq(event.at("/payload/data/changes/cursor").asText()));
        }
    }

    @Test
    void aCursorOlderThanWhatIsKeptEndsTheStreamWithCursorExpired() {
        long actor = Ids.dbId(Ids.bySlug("Actor", "kim-jong-un"));
        long old = ((Number) Database.column("insert into change_log (at, subject, operation, node_type, node_id)"
                + " values (now() - interval '30 days', 'zz-test', 'updateActor', 'Actor', ?) returning id", actor)
                .get(0)).longValue();
        long oldSeq = Database.count("select commit_seq from change_log where id = ?", old);
        try (GraphQLSocket socket = GraphQLSocket.open(graphql, null).acknowledged()) {
            socket.subscribe("old", operation("liveChanges"), vars("after", cursor(oldSeq)));
            JsonNode ended = socket.next("old");
            assertEquals("next", ended.path("type").asText(), ended.toString());
            assertEquals("CURSOR_EXPIRED", ended.at("/payload/errors/0/extensions/code").asText(), ended.toString());
            assertEquals("complete", socket.next("old").path("type").asText());

            socket.subscribe("unknown", operation("liveChanges"), vars("after", cursor(oldSeq + 1_000_000)));
            JsonNode unknown = socket.next("unknown");
            assertEquals("CURSOR_EXPIRED", unknown.at("/payload/errors/0/extensions/code").asText(),
                    unknown.toString());

            socket.subscribe("malformed", operation("liveChanges"), vars("after", "not a cursor"));
            JsonNode malformed = socket.next("malformed");
            assertEquals("error", malformed.path("type").asText(), malformed.toString());
            assertEquals("BAD_USER_INPUT", malformed.at("/payload/0/extensions/code").asText());
        } finally {
            Database.execute("delete from change_log where id = ?", old);
        }
    }

    @Test
    void subscriptionsBeyondThePerConnectionCapAndDocumentsBeyondTheLimitsAreRefusedWithACode() {
        try (GraphQLSocket socket = GraphQLSocket.open(graphql, null).acknowledged()) {
            StringBuilder aliases = new StringBuilder("subscription { changes { ");
            for (int i = 0; i < 40; i++) {
                aliases.append("c").append(i).append(": cursor ");
            }
            socket.subscribe("aliases", aliases.append("} }").toString(), vars());
            JsonNode tooManyAliases = socket.next("aliases");
            assertEquals("error", tooManyAliases.path("type").asText(), tooManyAliases.toString());
            assertEquals("MAX_ALIASES", tooManyAliases.at("/payload/0/extensions/code").asText());

            // queries and mutations are for HTTP, where the request deadline and admission control apply
            socket.subscribe("query", "{ actors(first: 1) { nodes { name } } }", vars());
            JsonNode query = socket.next("query");
            assertEquals("error", query.path("type").asText(), query.toString());
            assertEquals("BAD_REQUEST", query.at("/payload/0/extensions/code").asText());

            // a document the HTTP path would check on a document worker is refused here (a subscribe message is
            // handled on an event loop), without being parsed
            String large = "subscription { changes { cursor " + "cursor ".repeat(600) + "} }";
            socket.subscribe("large", large, vars());
            JsonNode tooLarge = socket.next("large");
            assertEquals("error", tooLarge.path("type").asText(), tooLarge.toString());
            assertEquals("MAX_DOCUMENT_LENGTH", tooLarge.at("/payload/0/extensions/code").asText());

            // cost is checked as for any request, by the instrumentation, before the subscription starts
            socket.subscribe("costly", "subscription { changes { node { ... on Actor { encounters(first: 100) {"
                    + " nodes { participants(first: 100) { actor { encounters(first: 100) { nodes { title } } } } } }"
                    + " } } } }", vars());
            JsonNode tooCostly = socket.next("costly");
            assertEquals("error", tooCostly.path("type").asText(), tooCostly.toString());
            assertEquals("MAX_COST", tooCostly.at("/payload/0/extensions/code").asText());

            for (int i = 0; i < 10; i++) {
                socket.subscribe("s" + i, operation("liveChanges"), vars());
            }
            socket.subscribe("eleventh", operation("liveChanges"), vars());
            JsonNode refused = socket.next("eleventh");
            assertEquals("error", refused.path("type").asText(), refused.toString());
            assertEquals("TOO_MANY_SUBSCRIPTIONS", refused.at("/payload/0/extensions/code").asText());
        }
    }

    @Test
    void anOpenSocketIsNotTakenForARequestWhoseBodyIsLate() throws Exception {
        // http.SlowClients answers 408 and closes the connection of a request whose body is still awaited after
        // parley.http.body-timeout: an upgraded connection must not stay among them
        try (GraphQLSocket socket = GraphQLSocket.open(graphql, null).acknowledged()) {
            socket.subscribe("all", operation("liveChanges"), vars());
            Thread.sleep(600); // SlowClients looks every 250 ms
            assertEquals(0, slowClients.bodiesAwaited());
        }
    }

    @Test
    void aClientOpeningMoreSocketsThanAllowedIsAnswered429() {
        int cap = ConfigProvider.getConfig().getValue("parley.live.max-sockets-per-client", Integer.class);
        List<GraphQLSocket> sockets = new ArrayList<>();
        try {
            WebSocketHandshakeException refused = null;
            // sockets of the other tests may still be closing: the refusal comes at the cap or before
            for (int i = 0; i <= cap && refused == null; i++) {
                try {
                    sockets.add(GraphQLSocket.open(graphql, null).acknowledged());
                } catch (CompletionException e) {
                    refused = (WebSocketHandshakeException) e.getCause();
                }
            }
            assertNotNull(refused, "socket " + (cap + 1) + " was accepted");
            assertEquals(429, refused.getResponse().statusCode());
            assertThat(String.valueOf(refused.getResponse().body()), containsString("TOO_MANY_SUBSCRIPTIONS"));
        } finally {
            sockets.forEach(GraphQLSocket::close);
        }
    }

    @Test
    void anInvalidTokenInConnectionInitClosesTheConnection() {
        try (GraphQLSocket socket = GraphQLSocket.open(graphql, "not-a-jwt")) {
            assertEquals(4403, socket.closeCode());
        }
    }

    /**
     * Writes to {@code encounter} and returns the event subscription {@code id} receives for it. The tests subscribe
     * with {@code after:} the newest change, so that a write that commits before the subscription is registered (it
     * registers asynchronously, and nothing tells the client when) is replayed rather than missed.
     */
    private JsonNode awaitSubscribed(GraphQLSocket socket, String id, String encounter) throws Exception {
        setStatus(encounter, TestRows.version("encounter", encounter), "POSTPONED");
        JsonNode event = socket.next(id);
        assertEquals(encounter, event.at("/payload/data").findValue("id").asText(), event.toString());
        return event;
    }

    private static String recordEncounter() throws Exception {
        Map<String, Object> input = new HashMap<>();
        input.put("kind", "MEETING");
        input.put("title", "Zz Test live " + UUID.randomUUID().toString().substring(0, 8));
        input.put("status", "PLANNED");
        input.put("start", Map.of("date", "2026-05-17", "precision", "MONTH"));
        input.put("participants", List.of(Map.of("actor", Ids.bySlug("Actor", "kim-jong-un"), "role", "GUEST")));
        input.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", MONEYCONTROL), "excerpt", "zz test")));
        var recorded = as(DevTokens.editor(), "recordEncounter", "input", input);
        assertThat(recorded.getList("data.recordEncounter.userErrors"), empty());
        return recorded.getString("data.recordEncounter.encounter.id");
    }

    private static String recordStatement(String speaker) throws Exception {
        return recordStatement(speaker, null);
    }

    private static String recordStatement(String speaker, String respondsTo) throws Exception {
        Map<String, Object> input = new HashMap<>();
        input.put("respondsTo", respondsTo);
        input.put("text", TestRows.unique("Live words"));
        input.put("mode", "PARAPHRASE");
        input.put("kind", "ASSESSMENT");
        input.put("speaker", speaker);
        input.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", MONEYCONTROL), "excerpt", "zz test")));
        var recorded = as(DevTokens.editor(), "recordStatement", "input", input);
        assertThat(recorded.getList("data.recordStatement.userErrors"), empty());
        return recorded.getString("data.recordStatement.statement.id");
    }

    private static void setStatus(String encounter, int version, String status) throws Exception {
        JsonNode answer = setStatusAnswer(encounter, version, status);
        assertEquals(0, answer.at("/data/setEncounterStatus/userErrors").size(), answer.toString());
    }

    private static JsonNode setStatusAnswer(String encounter, int version, String status) throws Exception {
        String body = org.parley.testsupport.GraphQL.post(operation("setEncounterStatus"), vars("input",
                Map.of("encounter", encounter, "version", version, "status", status)), DevTokens.editor())
                .statusCode(200).extract().asString();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
    }

    private static long newestChange() {
        return Database.count("select max(commit_seq) from change_log");
    }
}
