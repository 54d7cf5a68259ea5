package org.parley.live;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testsupport.GraphQL.operation;
import static org.parley.testsupport.GraphQL.vars;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQLSocket;
import org.parley.testsupport.Ids;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The WebSocket limits with small settings: subscriptions per client (its token's subject, else its address) across
 * its sockets, and a client that stops reading closed with 4008 SLOW_CONSUMER once the socket's write queue is full.
 */
@QuarkusTest
@TestProfile(SubscriptionLimitsTest.SmallLimits.class)
class SubscriptionLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.live.max-subscriptions-per-client", "3",
                    "parley.live.max-queued-bytes", "16K",
                    // the stream-level limit must not end the subscription first (SlowSubscriberTest covers it)
                    "parley.live.subscriber-buffer", "5000",
                    // the server's sockets with a fixed, small send buffer (SmallSendBuffer)
                    "parley.test.http-send-buffer", "8192");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    MeterRegistry registry;

    @Test
    void aClientsSubscriptionsCountTogetherAcrossItsSocketsAndNotWithOtherClients() throws Exception {
        long actor = Ids.dbId(Ids.bySlug("Actor", "kim-jong-un"));
        long before = Database.count("select coalesce(max(commit_seq), 0) from change_log");
        Map<String, Object> after = vars("after", GraphQLSocket.cursor(before));
        String alice = DevTokens.mint("live-limits-alice", 600);
        String bob = DevTokens.mint("live-limits-bob", 600);
        try (GraphQLSocket alice1 = GraphQLSocket.open(graphql, alice).acknowledged();
                GraphQLSocket alice2 = GraphQLSocket.open(graphql, alice).acknowledged();
                GraphQLSocket bob1 = GraphQLSocket.open(graphql, bob).acknowledged();
                GraphQLSocket anonymous1 = GraphQLSocket.open(graphql, null).acknowledged();
                GraphQLSocket anonymous2 = GraphQLSocket.open(graphql, null).acknowledged()) {
            alice1.subscribe("a1", operation("liveChanges"), after);
            alice1.subscribe("a2", operation("liveChanges"), after);
            alice1.roundTrip(); // taken in before the next subscribe, which comes on another socket
            alice2.subscribe("a3", operation("liveChanges"), after);
            alice2.subscribe("a4", operation("liveChanges"), after);
            assertRefused(alice2.next("a4"), "This client already runs 3");

            // another subject from the same address has its own three
            for (String id : List.of("b1", "b2", "b3")) {
                bob1.subscribe(id, operation("liveChanges"), after);
            }
            // without a token, the address is the client
            anonymous1.subscribe("n1", operation("liveChanges"), after);
            anonymous1.roundTrip();
            anonymous2.subscribe("n2", operation("liveChanges"), after);
            anonymous2.subscribe("n3", operation("liveChanges"), after);
            anonymous2.roundTrip();
            anonymous1.subscribe("n4", operation("liveChanges"), after);
            assertRefused(anonymous1.next("n4"), "This client already runs 3");

            Database.execute("insert into change_log (subject, operation, node_type, node_id)"
                    + " values ('zz-test', 'updateActor', 'Actor', ?)", actor);
            for (var running : Map.of(alice1, List.of("a1", "a2"), alice2, List.of("a3"), bob1,
                    List.of("b1", "b2", "b3"), anonymous1, List.of("n1"), anonymous2, List.of("n2", "n3")).entrySet()) {
                for (String id : running.getValue()) {
                    JsonNode event = running.getKey().next(id);
                    assertEquals("updateActor", event.at("/payload/data/changes/operation").asText(), event.toString());
                }
            }

            // one completed frees a place for the client, on any of its sockets
            alice1.complete("a1");
            alice1.roundTrip();
            alice2.subscribe("a5", operation("liveChanges"), after);
            JsonNode replayed = alice2.next("a5"); // the change after the cursor, replayed
            assertEquals("updateActor", replayed.at("/payload/data/changes/operation").asText(), replayed.toString());
            assertNull(alice1.poll("a1", Duration.ofMillis(300)), "a1 was completed");
        } finally {
            Database.execute("delete from change_log where commit_seq > ? and subject = 'zz-test'", before);
        }
    }

    @Test
    void aClientThatStopsReadingIsClosedWith4008OnceTheSocketsWriteQueueIsFull() throws Exception {
        long actor = Ids.dbId(Ids.bySlug("Actor", "kim-jong-un"));
        long before = Database.count("select coalesce(max(commit_seq), 0) from change_log");
        double closedBefore = slowConsumerCloses();
        // about 700 bytes an event: 25 aliases of the actor's name
        StringBuilder document = new StringBuilder("subscription Heavy($after: String) { changes(after: $after) {"
                + " cursor operation node { id ... on Actor {");
        for (int i = 0; i < 25; i++) {
            document.append(" name").append(i).append(": name");
        }
        document.append(" } } } }");
        int changes = 500;
        try (StalledSocket socket = StalledSocket.open(graphql, 4096)) {
            socket.send("{\"type\":\"connection_init\",\"payload\":{}}");
            assertEquals("connection_ack", JSON.readTree(socket.read().text()).path("type").asText());
            socket.send(JSON.writeValueAsString(Map.of("type", "subscribe", "id", "heavy", "payload",
                    Map.of("query", document.toString(), "variables", Map.of("after",
                            GraphQLSocket.cursor(before))))));
            // the client reads no more: about 350 KB of events for a write queue of 16 KB and kernel buffers of 8 KB
            // (server) and 4 KB (client)
            Database.execute("insert into change_log (subject, operation, node_type, node_id)"
                    + " select 'zz-test', 'updateActor', 'Actor', ? from generate_series(1, ?)", actor, changes);
            await("the server closing the stalled socket").atMost(Duration.ofSeconds(60))
                    .until(() -> slowConsumerCloses() > closedBefore);

            // what was queued before the close arrives first, then the close frame
            int events = 0;
            StalledSocket.Frame frame = socket.read();
            while (frame.opcode() != StalledSocket.Frame.CLOSE) {
                if (frame.opcode() == StalledSocket.Frame.TEXT && frame.text().contains("\"next\"")) {
                    events++;
                }
                frame = socket.read();
            }
            assertEquals(4008, frame.closeCode());
            assertThat(new String(frame.payload(), 2, frame.payload().length - 2,
                    java.nio.charset.StandardCharsets.UTF_8), containsString("SLOW_CONSUMER"));
            assertTrue(events < changes, "all " + changes + " events were delivered to a client that did not read");
        } finally {
            Database.execute("delete from change_log where commit_seq > ? and subject = 'zz-test'", before);
        }
    }

    private double slowConsumerCloses() {
        return registry.get("parley.live.slow.consumer.closes").functionCounter().count();
    }

    private static void assertRefused(JsonNode message, String because) {
        assertEquals("error", message.path("type").asText(), message.toString());
        assertEquals("TOO_MANY_SUBSCRIPTIONS", message.at("/payload/0/extensions/code").asText(), message.toString());
        assertThat(message.at("/payload/0/message").asText(), containsString(because));
    }
}
