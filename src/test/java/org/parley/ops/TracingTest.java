package org.parley.ops;

import java.time.Duration;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.GraphQL;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With OpenTelemetry turned on (it is off by default), a GraphQL request gives spans for its operation and its SQL. */
@QuarkusTest
@TestProfile(TracingTest.TracingOn.class)
class TracingTest {

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "PT0.05S");
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aQuerySpansItsOperationAndItsStatements() throws InterruptedException {
        spans.reset();
        GraphQL.data("sources");

        await("the operation's and a statement's spans").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> hasGraphQL(spans.getFinishedSpanItems()) && hasSql(spans.getFinishedSpanItems()));
        List<SpanData> finished = spans.getFinishedSpanItems();
        String seen = finished.stream().map(s -> s.getName() + " " + s.getAttributes().asMap().keySet())
                .collect(Collectors.joining("\n"));
        assertTrue(hasGraphQL(finished), "a GraphQL operation span among:\n" + seen);
        assertTrue(hasSql(finished), "an SQL statement span among:\n" + seen);
    }

    /**
     * What a nested query's trace holds, pinned as docs/ARCHITECTURE.md ("Observability") describes it: SmallRye gives
     * one span to the operation and none to its fields, root or nested, in both modes of parley.engine.fast-paths;
     * each batched field's SQL statement has its own span, in the operation's trace.
     */
    @Test
    void nestedFieldsShowAsTheirStatementsNotAsSpansOfTheirOwn() throws InterruptedException {
        spans.reset();
        GraphQL.data("actorsWithPagedChildren");

        await("the operation's and the statements' spans").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50)).until(() -> hasGraphQL(spans.getFinishedSpanItems())
                        && sqlSpans(spans.getFinishedSpanItems()).size() >= 5);
        List<SpanData> finished = spans.getFinishedSpanItems();
        List<SpanData> operations = finished.stream().filter(s -> s.getAttributes().get(OPERATION_TYPE) != null)
                .toList();
        assertEquals(1, operations.size(), "one span with GraphQL attributes: the operation's");
        String trace = operations.get(0).getTraceId();
        // actors, Actor.encounters, Actor.statements, Encounter.participants with their actors, the two totalCounts
        long statements = sqlSpans(finished).stream().filter(s -> s.getTraceId().equals(trace)).count();
        assertTrue(statements >= 5, "a span per batched field's statement in the operation's trace, saw " + statements);
        assertTrue(finished.stream().filter(s -> s.getTraceId().equals(trace))
                .noneMatch(s -> s.getName().contains("encounters") || s.getName().contains("participants")),
                "no span named after a nested field");
    }

    private static List<SpanData> sqlSpans(List<SpanData> spans) {
        return spans.stream().filter(s -> s.getKind() == SpanKind.CLIENT && s.getAttributes().get(STATEMENT) != null)
                .toList();
    }

    private static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("graphql.operationType");
    private static final AttributeKey<String> STATEMENT = AttributeKey.stringKey("db.statement");

    /** SmallRye GraphQL's span for the operation, beside the HTTP server span. */
    private static boolean hasGraphQL(List<SpanData> spans) {
        return spans.stream().anyMatch(s -> s.getKind() == SpanKind.INTERNAL
                && "QUERY".equals(s.getAttributes().get(OPERATION_TYPE)));
    }

    /** The reactive PostgreSQL client's span for a statement, in the same trace as the GraphQL operation. */
    private static boolean hasSql(List<SpanData> spans) {
        return spans.stream().filter(s -> s.getKind() == SpanKind.CLIENT)
                .filter(s -> s.getAttributes().get(STATEMENT) != null
                        && s.getAttributes().get(STATEMENT).startsWith("select"))
                .anyMatch(sql -> spans.stream().anyMatch(g -> g.getAttributes().get(OPERATION_TYPE) != null
                        && g.getTraceId().equals(sql.getTraceId())));
    }
}
