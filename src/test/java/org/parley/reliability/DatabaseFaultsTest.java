package org.parley.reliability;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.Leaks;
import org.parley.testsupport.PrivateDatabaseProfile;
import org.parley.testsupport.PrivateDatabaseResource;
import org.parley.testsupport.TestRows;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The database goes away or slows down under the service: requests get a code (DATABASE_UNAVAILABLE, TIMEOUT) rather
 * than a hang or a stack trace, the service recovers by itself, and no acknowledged write is lost.
 */
@QuarkusTest
@TestProfile(PrivateDatabaseProfile.class)
class DatabaseFaultsTest {

    private static final String PREFIX = "Zz Test Fault ";
    /** A guard against hangs, far above anything the service should take: a request that exceeds it fails the test. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);
    /** More requests at once than the pool has connections (quarkus.datasource.reactive.max-size = 20). */
    private static final int MORE_THAN_THE_POOL = 30;

    private static final String ACTORS = "{ actors(first: 100) { totalCount nodes { name } } }";
    private static final String SOURCES = "{ sources(first: 5) { nodes { title } } }";

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/graphql")
    URI graphql;

    @AfterEach
    void databaseBack() {
        PrivateDatabaseResource.startServer();
    }

    @AfterAll
    static void removeWhatTheTestsCreated() {
        PrivateDatabaseResource.startServer();
        TestRows.removeAll();
    }

    @Test
    void anOutageIsReportedAtOnceAndNoAcknowledgedWriteIsLost() throws Exception {
        String token = DevTokens.mint("fault-editor", 600, "editor");
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = PREFIX + run + " before " + i;
            JsonPath written = JsonPath.from(send(createActor(name), token).join().body());
            assertNull(written.get("errors"), "written before the outage");
            assertNotNull(written.getString("data.createActor.actor.id"));
            acknowledged.add(name);
        }

        PrivateDatabaseResource.stopServer();
        for (String query : List.of(ACTORS, SOURCES, GraphQL.operation("actorByName"))) {
            assertCode("DATABASE_UNAVAILABLE", send(body(query, Map.of("name", "Putin")), null).join());
        }
        String duringOutage = PREFIX + run + " during";
        HttpResponse<String> refused = send(createActor(duringOutage), token).join();
        assertCode("DATABASE_UNAVAILABLE", refused);
        assertNull(JsonPath.from(refused.body()).get("data.createActor.actor"), "no acknowledgement");

        PrivateDatabaseResource.startServer();
        awaitServed(ACTORS);
        List<String> stored = Database.column("select name from actor where name like ?", PREFIX + run + "%");
        assertThat("every acknowledged write is stored, the refused one is not", stored,
                containsInAnyOrder(acknowledged.toArray()));
        List<String> served = JsonPath.from(send(body(ACTORS, Map.of()), null).join().body())
                .getList("data.actors.nodes.name");
        assertTrue(served.containsAll(acknowledged), "and served again");
    }

    @Test
    void aBlockedStatementIsCancelledAtTheTimeoutWhileOtherRequestsAreServed() throws Exception {
        String token = DevTokens.mint("fault-editor", 600, "editor");
        String blockedWriteName = PREFIX + UUID.randomUUID().toString().substring(0, 8) + " blocked";
        List<HttpResponse<String>> blocked = new ArrayList<>();
        HttpResponse<String> blockedWrite;
        HttpResponse<String> otherTable;
        try (Connection locker = Database.connect()) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                // every read and write of actor waits behind this lock until PostgreSQL cancels it
                lock.execute("lock table actor in access exclusive mode");
            }
            List<CompletableFuture<HttpResponse<String>>> reads = new ArrayList<>();
            for (int i = 0; i < MORE_THAN_THE_POOL; i++) {
                reads.add(send(body(ACTORS, Map.of()), null));
            }
            CompletableFuture<HttpResponse<String>> write = send(createActor(blockedWriteName), token);
            // a table that is not locked: served while the lock is still held, once cancelled statements free
            // their connections
            otherTable = send(body(SOURCES, Map.of()), null).join();
            reads.forEach(read -> blocked.add(read.join()));
            blockedWrite = write.join();
            locker.rollback();
        }

        JsonPath sources = JsonPath.from(otherTable.body());
        assertNull(sources.get("errors"), otherTable.body());
        assertThat(sources.getList("data.sources.nodes"), not(empty()));
        for (HttpResponse<String> response : blocked) {
            assertCode("TIMEOUT", response);
        }
        assertCode("TIMEOUT", blockedWrite);
        assertEquals(0, Database.count("select count(*) from actor where name = ?", blockedWriteName),
                "the cancelled write left nothing");
        // and with the lock gone, the same read is served again
        JsonPath after = JsonPath.from(send(body(ACTORS, Map.of()), null).join().body());
        assertNull(after.get("errors"));
        assertTrue(after.getInt("data.actors.totalCount") > 0);
    }

    private CompletableFuture<HttpResponse<String>> send(String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(graphql).timeout(HANG_GUARD)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String body(String query, Map<String, Object> variables) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return JSON.writeValueAsString(body);
    }

    private static String createActor(String name) throws Exception {
        return body(GraphQL.operation("createActor"), Map.of("input", Map.of("kind", "PERSON", "name", name)));
    }

    /** Every error of the response has {@code code}; no internals leak; not a server error. */
    private static void assertCode(String code, HttpResponse<String> response) {
        assertThat(response.body(), response.statusCode(), lessThan(500));
        assertNull(Leaks.find(response.body()), response.body());
        List<String> codes = JsonPath.from(response.body()).getList("errors.extensions.code");
        assertNotNull(codes, response.body());
        assertThat(response.body(), codes, not(empty()));
        codes.forEach(each -> assertEquals(code, each, response.body()));
    }

    /** Polls until {@code query} is answered without errors: the service reconnects by itself. */
    private void awaitServed(String query) throws Exception {
        await("served again after the database returned").atMost(HANG_GUARD).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    HttpResponse<String> response = send(body(query, Map.of()), null).join();
                    return response.statusCode() == 200 && JsonPath.from(response.body()).get("errors") == null;
                });
    }
}
