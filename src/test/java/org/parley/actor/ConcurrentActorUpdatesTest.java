package org.parley.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.GraphQL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Concurrent writers of one actor: no lost update, and the version counts the accepted writes. */
@QuarkusTest
class ConcurrentActorUpdatesTest {

    private static final int WRITERS = 24;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/graphql")
    URI endpoint;

    @AfterAll
    static void cleanUp() {
        ActorMutationsTest.removeWhatTheTestsCreated();
    }

    @Test
    void ofManyUpdatesBasedOnOneVersionExactlyOneIsAcceptedAndItsValueStays() throws Exception {
        String token = ActorMutationsTest.editor();
        String id = GraphQL.as(token, "createActor", "input", ActorMutationsTest.newActor(ActorMutationsTest.unique("Contested")))
                .getString("data.createActor.actor.id");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<CompletableFuture<HttpResponse<String>>> writes = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String body = JSON.writeValueAsString(Map.of("query", GraphQL.operation("updateActor"),
                    "variables", Map.of("input", Map.of("id", id, "version", 0, "description", "writer " + i))));
            writes.add(client.sendAsync(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<String> accepted = new ArrayList<>();
        int conflicts = 0;
        for (CompletableFuture<HttpResponse<String>> write : writes) {
            JsonNode answer = JSON.readTree(write.get().body()).get("data").get("updateActor");
            if (answer.get("userErrors").isEmpty()) {
                accepted.add(answer.get("actor").get("description").asText());
            } else {
                assertEquals("CONFLICT", answer.get("userErrors").get(0).get("code").asText());
                conflicts++;
            }
        }
        assertEquals(1, accepted.size(), "exactly one write based on version 0 can be accepted");
        assertEquals(WRITERS - 1, conflicts);
        JsonNode stored = JSON.readTree(JSON.writeValueAsString(Database.rows(
                "select description, version from actor where id = ?", Long.parseLong(
                        new String(java.util.Base64.getUrlDecoder().decode(id)).split(":")[1])).get(0)));
        assertEquals(accepted.get(0), stored.get("description").asText());
        assertEquals(1, stored.get("version").asInt(), "one accepted write, one version step");

        // then writers that each read the version first all get through, one after the other
        for (int i = 0; i < 5; i++) {
            int version = GraphQL.as(token, "updateActor", "input", Map.of("id", id, "version", 1 + i, "description", "serial " + i))
                    .getInt("data.updateActor.actor.version");
            assertEquals(2 + i, version);
        }
        assertTrue(Database.count("select count(*) from change_log where operation = 'updateActor'") >= 6);
    }
}
