package org.parley.engine;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.Context;

/**
 * Documents over {@code parley.documents.worker-threshold} characters are parsed, checked and validated on the
 * document workers, not on an event loop: with the only worker held, a large document waits for it while small
 * ones are answered, the same client's next large one is refused at once (429 RATE_LIMITED: one at a time per
 * client), another client's too (503 OVERLOADED: the queue is full), and the waiting one is answered with its
 * token's identity once the worker is free. One worker and a queue of one, in a profile of their own.
 */
@QuarkusTest
@TestProfile(DocumentWorkersTest.OneWorker.class)
class DocumentWorkersTest {

    public static class OneWorker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.documents.worker-threads", "1", "parley.documents.worker-queue", "1",
                    // one large document per client at once
                    "parley.admission.enabled", "true", "parley.admission.max-expensive-per-client", "1");
        }
    }

    private static final String SMALL = "{ actors(first: 1) { nodes { name } } }";

    @Inject
    DocumentWorkers workers;
    @Inject
    GraphQLCustomizer customizer;

    /** A document over the threshold (4,000 characters): the selection and 500 {@code __typename}s. */
    private static String large(String selection) {
        String document = "{ " + selection + " " + "__typename ".repeat(500) + "}";
        assertTrue(document.length() > 4_000);
        return document;
    }

    @Test
    void largeDocumentsWaitForAWorkerWhileSmallOnesAreAnswered() throws Exception {
        String editor = DevTokens.mint("document-workers-editor", 600, "editor");
        // needs the editor role: answered without errors only if the identity survived the trip to the worker
        String needsIdentity = large("intakes(first: 1) { nodes { id } }");
        GraphQL.post(needsIdentity, Map.of(), editor).statusCode(200).body("errors", nullValue());
        GraphQL.post(needsIdentity, Map.of()).statusCode(200)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));

        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> worker = new CompletableFuture<>();
        assertTrue(workers.execute(() -> {
            worker.complete(Thread.currentThread().getName() + (Context.isOnEventLoopThread() ? " (event loop)" : ""));
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            assertEquals("parley-documents-1", worker.get(10, TimeUnit.SECONDS));
            // a new text each run, so that no cache answers for it
            String waiting = large("actors(first: 2) { nodes { name } } intakes(first: 1) { nodes { id } }"
                    + " last: __typename # " + UUID.randomUUID() + "\n");
            CompletableFuture<ValidatableResponse> answer = CompletableFuture
                    .supplyAsync(() -> GraphQL.post(waiting, Map.of(), editor));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> workers.waiting() == 1);
            // small documents stay on the event loops, which the waiting document does not hold
            for (int i = 0; i < 3; i++) {
                GraphQL.post(SMALL, Map.of()).statusCode(200).body("errors", nullValue());
            }
            assertFalse(answer.isDone(), "a large document was answered while the only worker was held");
            long start = System.nanoTime();
            // the editor's one place among the documents being checked is taken: its next one is refused at once
            GraphQL.post(large(SMALL.substring(1, SMALL.length() - 1)), Map.of(), editor).statusCode(429)
                    .header("Retry-After", "1")
                    .body("errors[0].extensions.code", equalTo("RATE_LIMITED"));
            // the queue is full: another client's large document is refused at once, not queued or parsed here
            GraphQL.post(large(SMALL.substring(1, SMALL.length() - 1)), Map.of()).statusCode(503)
                    .header("Retry-After", "1")
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("OVERLOADED"));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "the refusal waited");
            release.countDown();
            answer.get(30, TimeUnit.SECONDS).statusCode(200).body("errors", nullValue())
                    .body("data.actors.nodes", hasSize(2))
                    .body("data.last", equalTo("Query"));
        } finally {
            release.countDown();
        }
        // a worker is free again, and the editor's place
        GraphQL.post(large(SMALL.substring(1, SMALL.length() - 1)), Map.of(), editor).statusCode(200)
                .body("errors", nullValue());
    }

    @Test
    void validDocumentsAreValidatedAheadIntoSmallRyesCache() {
        GraphQL.post(SMALL, Map.of()).statusCode(200); // graphql-java is built by the first request
        String valid = large("actors(first: 1) { nodes { name } }") + " # " + UUID.randomUUID();
        String invalid = large("actors(first: 1) { nodes { noSuchField } }") + " # " + UUID.randomUUID();
        assertEquals(List.of(), workers.validateAhead(valid, Parser.parse(valid)));
        assertEquals(1, workers.validateAhead(invalid, Parser.parse(invalid)).size());
        PreparsedDocumentEntry cached = cached(valid);
        assertNotNull(cached, "the valid document is not in SmallRye's cache");
        assertFalse(cached.hasErrors());
        assertNull(cached(invalid), "an invalid document was cached");
    }

    @Test
    void invalidLargeDocumentsAreAnsweredFromTheWorker() {
        GraphQL.post(SMALL, Map.of()).statusCode(200); // graphql-java is built by the first request
        // two mistakes: graphql-java, validating on the event loop, reports both; the worker's answer carries the
        // first, as a refusal of the document's text does
        String invalid = large("actors(first: 1) { nodes { noSuchField } } sources(first: 1) { nodes { nor } }")
                + " # " + UUID.randomUUID();
        GraphQL.post(invalid, Map.of()).statusCode(200)
                .body("data", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED"))
                .body("errors[0].message", containsString("noSuchField"))
                .body("errors[0].locations", hasSize(1));
        GraphQL.post("{ actors(first: 1) { nodes { noSuchField } } sources(first: 1) { nodes { nor } } }", Map.of())
                .statusCode(200).body("errors", hasSize(2)); // a small one, validated by graphql-java
    }

    /** SmallRye's cached entry for this text, null when there is none (the function is called only on a miss). */
    private PreparsedDocumentEntry cached(String query) {
        return customizer.documents()
                .getDocumentAsync(ExecutionInput.newExecutionInput().query(query).build(), input -> null).join();
    }

    @Test
    void theThresholdSplitsByLength() {
        assertFalse(workers.offloads("x".repeat(4_000)));
        assertTrue(workers.offloads("x".repeat(4_001)));
    }
}
