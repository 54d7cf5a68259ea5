package org.parley.graphql;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.GraphQL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Resolvers of sibling fields run at the same time on the same Vert.x context; a shared Hibernate Reactive session
 * breaks there (quarkus#32870). Parley reads through the pool, a connection per statement: this runs one request with
 * three root fields and sibling batched fields at three levels, 50 times at once, and expects 50 identical, complete
 * answers.
 */
@QuarkusTest
class ConcurrentSiblingFieldsTest {

    private static final int REQUESTS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/graphql")
    URI endpoint;

    @Test
    void fiftyConcurrentRequestsWithSiblingNestedFieldsGiveTheSameCorrectAnswer() throws Exception {
        String body = JSON.writeValueAsString(Map.of("query", GraphQL.operation("siblings")));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();

        // the reference answer, alone, and checked against the database
        JsonNode reference = JSON.readTree(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
        assertNull(reference.get("errors"), () -> reference.get("errors").toString());
        checkAgainstDatabase(reference.get("data"));

        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            inFlight.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        for (CompletableFuture<HttpResponse<String>> response : inFlight) {
            assertEquals(200, response.get().statusCode());
            assertEquals(reference, JSON.readTree(response.get().body()));
        }
    }

    private static void checkAgainstDatabase(JsonNode data) {
        JsonNode encounters = data.get("encounters").get("nodes");
        assertEquals(Math.min(50, Database.count("select count(*) from encounter where deleted_at is null")), encounters.size());
        int participants = 0;
        int attestations = 0;
        for (JsonNode encounter : encounters) {
            participants += encounter.get("participants").size();
            attestations += encounter.get("attestations").size();
            for (JsonNode participant : encounter.get("participants")) {
                assertThat(participant.get("actor").get("name").asText().length(), greaterThanOrEqualTo(1));
            }
        }
        assertEquals(Database.count("select count(*) from participant"), participants);
        assertEquals(Database.count("select count(*) from attestation where encounter_id is not null"), attestations);
        assertEquals(Math.min(50, Database.count("select count(*) from actor where deleted_at is null")), data.get("actors").get("nodes").size());
        JsonNode statements = data.get("statements").get("nodes");
        assertEquals(Math.min(100, Database.count("select count(*) from statement where deleted_at is null")), statements.size());
        int sources = 0;
        for (JsonNode statement : statements) {
            sources += statement.get("sources").size();
        }
        assertEquals(Database.count("select count(*) from attestation where statement_id is not null"), sources);
    }
}
