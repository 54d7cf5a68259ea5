package org.parley.encounter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Many writers of one encounter at once. Each reads the version, updates, and on CONFLICT reads again and retries,
 * as a client should. No update may be lost: every writer gets through once, each accepted write gets its own
 * version step, and the stored title is the one of the last accepted write.
 */
@QuarkusTest
class ConcurrentEncounterUpdatesTest {

    private static final int WRITERS = 24;
    private static final int MAX_ATTEMPTS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/graphql")
    URI endpoint;

    @AfterAll
    static void removeWhatTheTestCreated() {
        TestRows.removeAll();
    }

    /** The outcome of one writer: the version its accepted write produced, and how many conflicts it met. */
    record Accepted(String title, int version, int conflicts) {
    }

    @Test
    void everyRetryingWriterGetsThroughOnceAndNoUpdateIsLost() throws Exception {
        String token = DevTokens.editor();
        String id = recordEncounter(token);
        long dbId = Ids.dbId(id);
        int initialVersion = version(dbId);
        long auditBefore = auditEntries(dbId);

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Accepted>> writers = new ArrayList<>();
        try {
            for (int i = 0; i < WRITERS; i++) {
                String title = "Zz Test title of writer " + i;
                writers.add(pool.submit(() -> {
                    start.await();
                    return writeUntilAccepted(client, token, id, title);
                }));
            }
            start.countDown();
            List<Accepted> accepted = new ArrayList<>();
            for (Future<Accepted> writer : writers) {
                accepted.add(writer.get());
            }

            // each accepted write produced a distinct version, one step each: no two wrote over the same state
            TreeSet<Integer> versions = accepted.stream().map(Accepted::version).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(IntStream.rangeClosed(initialVersion + 1, initialVersion + WRITERS).boxed().toList(),
                    new ArrayList<>(versions));
            assertEquals(initialVersion + WRITERS, version(dbId), "the version counts the accepted writes");
            // the stored title is the last accepted write's, and it is one that was submitted
            Accepted last = accepted.stream().filter(a -> a.version() == initialVersion + WRITERS).findFirst().orElseThrow();
            assertEquals(last.title(), Database.column("select title from encounter where id = ?", dbId).get(0));
            assertEquals(WRITERS, auditEntries(dbId) - auditBefore, "one audit entry per accepted write");
            int conflicts = accepted.stream().mapToInt(Accepted::conflicts).sum();
            assertTrue(conflicts > 0, "the writers ran at the same time, so some met a conflict: " + conflicts);
        } finally {
            pool.shutdownNow();
        }
    }

    private Accepted writeUntilAccepted(HttpClient client, String token, String id, String title) throws Exception {
        int conflicts = 0;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            JsonNode read = post(client, token, "query($id: ID!) { node(id: $id) { ... on Encounter { version } } }",
                    Map.of("id", id));
            int version = read.get("data").get("node").get("version").asInt();
            JsonNode answer = post(client, token, GraphQL.operation("updateEncounter"),
                    Map.of("input", Map.of("id", id, "version", version, "title", title)))
                    .get("data").get("updateEncounter");
            if (answer.get("userErrors").isEmpty()) {
                // accepted on top of `version`, so it made version + 1 (the payload is read after the commit and
                // may already show a later writer's change)
                return new Accepted(title, version + 1, conflicts);
            }
            assertEquals("CONFLICT", answer.get("userErrors").get(0).get("code").asText(), answer.toString());
            conflicts++;
        }
        throw new AssertionError(title + " was not accepted in " + MAX_ATTEMPTS + " attempts");
    }

    private JsonNode post(HttpClient client, String token, String query, Map<String, Object> variables)
            throws Exception {
        String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = JSON.readTree(response.body());
        assertTrue(answer.get("errors") == null, response.body());
        return answer;
    }

    private static String recordEncounter(String token) {
        Map<String, Object> input = new HashMap<>();
        input.put("kind", "TALKS");
        input.put("title", "Zz Test contested talks");
        input.put("status", "PLANNED");
        input.put("participants", List.of(Map.of("actor", Ids.bySlug("Actor", "vladimir-putin"), "role", "HOST")));
        input.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", "moneycontrol-2018-06-01"),
                "excerpt", "test excerpt")));
        return GraphQL.as(token, "recordEncounter", "input", input).getString("data.recordEncounter.encounter.id");
    }

    private static int version(long dbId) {
        return ((Number) Database.column("select version from encounter where id = ?", dbId).get(0)).intValue();
    }

    private static long auditEntries(long dbId) {
        return Database.count("select count(*) from change_log where node_type = 'Encounter' and node_id = ?"
                + " and operation = 'updateEncounter'", dbId);
    }
}
