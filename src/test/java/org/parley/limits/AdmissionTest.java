package org.parley.limits;

import java.time.Duration;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Admission control with small numbers: a client's budget of cost points (429 RATE_LIMITED, Retry-After), clients
 * told apart by token subject or address, and the caps on expensive requests running at once (429 per client, 503
 * OVERLOADED in all), held in flight by a lock on the actor table.
 */
@QuarkusTest
@TestProfile(AdmissionTest.SmallBudgets.class)
class AdmissionTest {

    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.admission.enabled", "true",
                    "parley.admission.client-budget", "2000",
                    // 0.1 point a second: nothing refills noticeably while a test runs
                    "parley.admission.refill-per-minute", "6",
                    "parley.admission.expensive-cost", "500",
                    "parley.admission.max-expensive-per-client", "1",
                    "parley.admission.max-expensive", "2",
                    "parley.admission.max-clients", "1000");
        }
    }

    /** Cost 1 + 100 + 100 + 200 = 401: not expensive. */
    private static final String CHEAP = "{ actors(first: 100) { nodes { name encounters(first: 2) { nodes { title } } } } }";
    /** Cost 1 + 100 + 100 + 500 = 701: expensive. */
    private static final String EXPENSIVE = "{ actors(first: 100) { nodes { name encounters(first: 5) { nodes { title } } } } }";

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private static ValidatableResponse rateLimited(ValidatableResponse response, int status, String code) {
        return response.statusCode(status)
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo(code));
    }

    @Test
    void aClientThatSpentItsBudgetWaitsWhileOthersAreServed() throws Exception {
        String alice = DevTokens.mint("admission-alice", 600, "editor");
        for (int i = 0; i < 4; i++) { // 4 * 401 = 1,604 of 2,000
            GraphQL.post(CHEAP, Map.of(), alice).statusCode(200).body("errors", nullValue())
                    .body("extensions.cost.requested", equalTo(401));
        }
        // 396 points left, refilled at 6 a minute: the next 401 wait about 50 s
        String retryAfter = rateLimited(GraphQL.post(CHEAP, Map.of(), alice), 429, "RATE_LIMITED")
                .extract().header("Retry-After");
        assertTrue(Long.parseLong(retryAfter) >= 40, retryAfter);
        // a refused request is charged only its parsing (8 points): a cheaper one still fits
        GraphQL.post("{ actors(first: 1) { nodes { name } } }", Map.of(), alice).statusCode(200)
                .body("errors", nullValue());
        // another subject has its own budget, and so has an anonymous client (its address)
        GraphQL.post(CHEAP, Map.of(), DevTokens.mint("admission-bob", 600, "editor")).statusCode(200)
                .body("errors", nullValue());
    }

    @Test
    void postIntakeIsAdmittedAsTheMutationItRuns() throws Exception {
        String henry = DevTokens.mint("admission-henry", 600, "editor");
        for (int i = 0; i < 4; i++) { // 4 * 401 = 1,604 of 2,000
            GraphQL.post(CHEAP, Map.of(), henry).statusCode(200).body("errors", nullValue());
        }
        // proposeFromArticle with 100 proposals costs more than the 396 points left: refused before it runs
        String retryAfter = io.restassured.RestAssured.given().contentType(io.restassured.http.ContentType.JSON)
                .header("Authorization", "Bearer " + henry)
                .body(Map.of("language", "en", "text", "“Nothing is settled yet,” the envoy said."))
                .post("/intake").then()
                .statusCode(429)
                .body("errors[0].extensions.code", equalTo("RATE_LIMITED"))
                .extract().header("Retry-After");
        assertTrue(Long.parseLong(retryAfter) >= 1, retryAfter);
        assertEquals(0, Database.count("select count(*) from intake where created_by = 'admission-henry'"));
    }

    @Test
    void aForgedTokenCountsAgainstItsAddress() throws Exception {
        // spend the address's budget anonymously (only this test is anonymous)
        for (int i = 0; i < 4; i++) {
            GraphQL.post(CHEAP, Map.of()).statusCode(200);
        }
        rateLimited(GraphQL.post(CHEAP, Map.of()), 429, "RATE_LIMITED");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = DevTokens.sign("admission-forger", 600, generator.generateKeyPair().getPrivate(), "editor");
        // verified to tell clients apart, it is refused as any failed verification is; never a fresh budget
        GraphQL.post(CHEAP, Map.of(), forged).statusCode(401);
        GraphQL.post(CHEAP, Map.of(), DevTokens.mint("admission-carol", 600, "editor")).statusCode(200)
                .body("errors", nullValue());
    }

    @Test
    void documentsRefusedForTheirTextAreChargedTheirParsing() throws Exception {
        String grace = DevTokens.mint("admission-grace", 600, "editor");
        // 4,900 repeats of a field: refused before validation, charged a point per 10 characters (2,453)
        String repeats = "{ actors(first:100){ nodes { " + "name ".repeat(4900) + "} } }";
        GraphQL.post(repeats, Map.of(), grace).statusCode(200)
                .body("errors[0].extensions.code", equalTo("MAX_FIELD_MERGES"));
        // the budget (2,000) is spent: the next is refused before it is parsed
        rateLimited(GraphQL.post(repeats, Map.of(), grace), 429, "RATE_LIMITED");
    }

    @Test
    void documentsRefusedByAdmissionAreChargedTheirParsing() throws Exception {
        String heidi = DevTokens.mint("admission-heidi", 600, "editor");
        for (int i = 0; i < 4; i++) { // 4 * 401 = 1,604 of 2,000
            GraphQL.post(CHEAP, Map.of(), heidi).statusCode(200).body("errors", nullValue());
        }
        // 396 left: a 3,000-character document costing 401 is parsed and measured (its parsing, 300, fits), then
        // refused by admission and charged those 300 points
        rateLimited(GraphQL.post(padded(CHEAP, 3000), Map.of(), heidi), 429, "RATE_LIMITED");
        // 96 left: a cheap document whose parsing would be charged 150 is refused before it is parsed; had the
        // refusal above been free, it would have run
        String cheap = "{ actors(first: 1) { nodes { name } } }";
        rateLimited(GraphQL.post(padded(cheap, 1500), Map.of(), heidi), 429, "RATE_LIMITED");
        GraphQL.post(cheap, Map.of(), heidi).statusCode(200).body("errors", nullValue());
    }

    @Test
    void aSpentClientIsAnsweredAfterTheRefusalDelay() throws Exception {
        String ivan = DevTokens.mint("admission-ivan", 600, "editor");
        for (int i = 0; i < 4; i++) { // 4 * 401 = 1,604 of 2,000
            GraphQL.post(CHEAP, Map.of(), ivan).statusCode(200).body("errors", nullValue());
        }
        // 396 left: a document whose parsing would be charged 1,000 is refused before it is parsed, and its answer
        // is held back for parley.admission.refusal-delay (250 ms by default), so that a client resending at once
        // is paced by its answers
        String large = padded("{ actors(first: 1) { nodes { name } } }", 10_000);
        long started = System.nanoTime();
        rateLimited(GraphQL.post(large, Map.of(), ivan), 429, "RATE_LIMITED");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(millis >= 250, "answered after " + millis + " ms");
        // an admitted request is not held back: the cheap one below runs as usual
        GraphQL.post("{ actors(first: 1) { nodes { name } } }", Map.of(), ivan).statusCode(200)
                .body("errors", nullValue());
    }

    /** The document with spaces after it, this many characters long (parsing is charged by length). */
    private static String padded(String document, int length) {
        return document + " ".repeat(length - document.length());
    }

    @Test
    void expensiveRequestsRunningAtOnceAreCapped() throws Exception {
        String dave = DevTokens.mint("admission-dave", 600, "editor");
        String erin = DevTokens.mint("admission-erin", 600, "editor");
        String frank = DevTokens.mint("admission-frank", 600, "editor");
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> daveFirst;
        CompletableFuture<HttpResponse<String>> erinFirst;
        try (Connection locker = Database.connect()) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                // every read of actor waits behind this lock: the expensive requests stay in flight
                lock.execute("lock table actor in access exclusive mode");
            }
            daveFirst = send(client, EXPENSIVE, dave);
            awaitWaitingOnLock(1);
            rateLimited(GraphQL.post(EXPENSIVE, Map.of(), dave), 429, "RATE_LIMITED");
            // a cheap request of the same client is not capped
            CompletableFuture<HttpResponse<String>> daveCheap = send(client, "{ sources(first: 1) { nodes { title } } }",
                    dave);
            erinFirst = send(client, EXPENSIVE, erin);
            awaitWaitingOnLock(2);
            rateLimited(GraphQL.post(EXPENSIVE, Map.of(), frank), 503, "OVERLOADED");
            assertNull(JsonPath.from(daveCheap.join().body()).get("errors"));
            locker.rollback();
        }
        for (CompletableFuture<HttpResponse<String>> first : java.util.List.of(daveFirst, erinFirst)) {
            HttpResponse<String> response = first.join();
            assertEquals(200, response.statusCode(), response.body());
            assertNull(JsonPath.from(response.body()).get("errors"), response.body());
        }
        // their places are free again
        GraphQL.post(EXPENSIVE, Map.of(), frank).statusCode(200).body("errors", nullValue());
        GraphQL.post(EXPENSIVE, Map.of(), dave).statusCode(200).body("errors", nullValue());
    }

    private CompletableFuture<HttpResponse<String>> send(HttpClient client, String query, String token) {
        String body = io.vertx.core.json.Json.encode(Map.of("query", query));
        return client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Until this many statements of the service wait for a lock (at most 30 s). */
    private static void awaitWaitingOnLock(int statements) {
        await(statements + " statements waiting for the lock").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).until(() -> ((Number) Database.rows("select count(*) as n"
                        + " from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")
                        .get(0).get("n")).intValue() >= statements);
    }
}
