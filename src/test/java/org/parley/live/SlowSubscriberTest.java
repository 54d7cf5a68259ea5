package org.parley.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.testsupport.GraphQL.operation;
import static org.parley.testsupport.GraphQL.vars;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.GraphQLSocket;
import org.parley.testsupport.Ids;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A subscription that falls more than {@code parley.live.subscriber-buffer} changes behind ends with SLOW_CONSUMER
 * instead of being buffered without bound: 50 changes committed at once (one statement, one notification) reach a
 * subscription whose buffer holds 2 while it reads each change's object.
 */
@QuarkusTest
@TestProfile(SlowSubscriberTest.TinyBuffer.class)
class SlowSubscriberTest {

    public static class TinyBuffer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.live.subscriber-buffer", "2");
        }
    }

    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void aSubscriptionFallingBehindItsBufferEndsWithSlowConsumer() throws Exception {
        long actor = Ids.dbId(Ids.bySlug("Actor", "kim-jong-un"));
        long before = Database.count("select coalesce(max(commit_seq), 0) from change_log");
        try (GraphQLSocket socket = GraphQLSocket.open(graphql, null).acknowledged()) {
            socket.subscribe("behind", operation("liveChanges"), vars());
            // one change first, until it arrives: then the subscription is live (nothing else tells the client)
            JsonNode first = null;
            for (int attempt = 0; attempt < 20 && first == null; attempt++) {
                Database.execute("insert into change_log (subject, operation, node_type, node_id)"
                        + " values ('zz-test', 'updateActor', 'Actor', ?)", actor);
                first = socket.poll("behind", Duration.ofMillis(500));
            }
            assertEquals("updateActor", first.at("/payload/data/changes/operation").asText(), first.toString());
            Database.execute("insert into change_log (subject, operation, node_type, node_id)"
                    + " select 'zz-test', 'updateActor', 'Actor', ? from generate_series(1, 50)", actor);
            JsonNode message = socket.next("behind");
            int delivered = 0;
            while ("next".equals(message.path("type").asText()) && message.at("/payload/errors").isMissingNode()) {
                delivered++;
                message = socket.next("behind");
            }
            assertEquals("SLOW_CONSUMER", message.at("/payload/errors/0/extensions/code").asText(), message.toString());
            assertEquals("complete", socket.next("behind").path("type").asText());
            // the warm-up changes that arrived late, and the buffered ones, came before the end: far fewer than 50
            assertEquals(true, delivered < 50, "delivered " + delivered);
        } finally {
            Database.execute("delete from change_log where commit_seq > ? and subject = 'zz-test'", before);
        }
    }
}
