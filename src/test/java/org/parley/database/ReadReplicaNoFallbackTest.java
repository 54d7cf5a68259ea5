package org.parley.database;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.Management;
import org.parley.testsupport.TestRows;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A read replica that cannot be reached (nothing listens on its port) with the fallback off: queries fail with
 * DATABASE_UNAVAILABLE rather than read from the primary, readiness is DOWN and says why, and writes (on the primary)
 * still succeed, their payload included.
 */
@QuarkusTest
@TestProfile(ReadReplicaNoFallbackTest.UnreachableReplica.class)
class ReadReplicaNoFallbackTest {

    public static class UnreachableReplica implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            int closed;
            try (ServerSocket free = new ServerSocket(0)) {
                closed = free.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("parley.read-replica.url", "postgresql://127.0.0.1:" + closed + "/parley",
                    "parley.read-replica.fallback", "false", "parley.read-replica.check-interval", "1s");
        }
    }

    private static final String READ_REPLICA = "checks.find { it.name == '" + ReadReplicaCheck.NAME + "' }";

    @Test
    void queriesFailAndReadinessIsDownWhileWritesGoOn() throws Exception {
        JsonPath ready = Management.given().get("/q/health/ready").then().statusCode(503).extract().jsonPath();
        assertEquals("DOWN", ready.getString(READ_REPLICA + ".status"), ready.prettify());
        assertEquals(false, ready.getBoolean(READ_REPLICA + ".data.fallback"));

        GraphQL.post("{ actors(first: 1) { totalCount } }", Map.of()).statusCode(200)
                .body("errors.extensions.code", hasItem("DATABASE_UNAVAILABLE"));

        String name = TestRows.unique("Primary only");
        GraphQL.post(GraphQL.operation("createActor"), GraphQL.vars("input", Map.of("kind", "PERSON", "name", name)),
                DevTokens.editor()).statusCode(200).body("data.createActor.actor.name", equalTo(name));
    }
}
