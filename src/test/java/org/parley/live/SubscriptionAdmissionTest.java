package org.parley.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.testsupport.GraphQL.vars;

import java.net.URI;
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
 * Admission control applies to subscriptions as to HTTP requests: a subscription's cost is charged to the client's
 * budget when its execution starts, and one the budget no longer covers is refused with RATE_LIMITED. A subscriber who
 * joins an execution already running (the same request from the same cursor, engine.SharedSubscriptions) adds no
 * execution and is not charged.
 */
@QuarkusTest
@TestProfile(SubscriptionAdmissionTest.SmallBudget.class)
class SubscriptionAdmissionTest {

    /** A budget that covers one subscription of cost 1,100 or so, not two. */
    public static class SmallBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.admission.enabled", "true",
                    "parley.admission.client-budget", "2000",
                    "parley.admission.refill-per-minute", "6",
                    "parley.admission.expensive-cost", "100000");
        }
    }

    private static final String COSTLY = "subscription Costly($after: String) { changes(after: $after) { cursor"
            + " node { id ... on Actor { encounters(first: 100) { nodes { participants(first: 10) { role } } } } } } }";

    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void aSubscriptionBeyondTheClientsBudgetIsRefusedWithRateLimited() {
        long actor = Ids.dbId(Ids.bySlug("Actor", "kim-jong-un"));
        long before = Database.count("select coalesce(max(commit_seq), 0) from change_log");
        String after = GraphQLSocket.cursor(before);
        try (GraphQLSocket socket = GraphQLSocket.open(graphql, null).acknowledged()) {
            socket.subscribe("first", COSTLY, vars("after", after));
            Database.execute("insert into change_log (subject, operation, node_type, node_id)"
                    + " values ('zz-test', 'updateActor', 'Actor', ?)", actor);
            JsonNode event = socket.next("first");
            assertEquals("next", event.path("type").asText(), event.toString());
            assertEquals(Ids.bySlug("Actor", "kim-jong-un"), event.at("/payload/data/changes/node/id").asText(""),
                    event.toString());

            // another cursor: an execution of its own, which the budget no longer covers
            socket.subscribe("second", COSTLY, vars("after", GraphQLSocket.cursor(before - 1)));
            JsonNode refused = socket.next("second");
            assertEquals("error", refused.path("type").asText(), refused.toString());
            assertEquals("RATE_LIMITED", refused.at("/payload/0/extensions/code").asText(), refused.toString());

            // the first one's request: it joins the running execution, and gets what that one sent
            socket.subscribe("joined", COSTLY, vars("after", after));
            JsonNode joined = socket.next("joined");
            assertEquals("next", joined.path("type").asText(), joined.toString());
            assertEquals(Ids.bySlug("Actor", "kim-jong-un"), joined.at("/payload/data/changes/node/id").asText(""),
                    joined.toString());
        } finally {
            Database.execute("delete from change_log where commit_seq > ? and subject = 'zz-test'", before);
        }
    }
}
