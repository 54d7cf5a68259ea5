package org.parley.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.PrometheusText;
import org.parley.testsupport.Management;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** /q/metrics (on the management interface) shows GraphQL timings per operation, errors by code and the database pool after some requests. */
@QuarkusTest
class MetricsTest {

    @Test
    void graphqlTimersCountEachOperation() {
        double before = scrape().sum("mp_graphql_seconds_count", Map.of("name", "sources", "type", "QUERY"));
        for (int i = 0; i < 3; i++) {
            GraphQL.data("sources");
        }
        PrometheusText metrics = scrape();
        double after = metrics.sum("mp_graphql_seconds_count", Map.of("name", "sources", "type", "QUERY"));
        assertTrue(after >= before + 3, "three more `sources` queries timed; before " + before + ", after " + after);
        assertTrue(metrics.sum("mp_graphql_seconds_sum", Map.of("name", "sources")) > 0, "time was recorded");
    }

    /**
     * A nested batched field is timed once per batch, in the same timer as SmallRye's root fields (engine.BatchFetchers'
     * Timed): here one batch of Actor.encounters for every actor of the page, and one of Actor.statements.
     */
    @Test
    void nestedBatchedFieldsAreTimedOncePerBatch() {
        Map<String, String> encounters = Map.of("name", "encounters", "type", "QUERY", "source", "true");
        Map<String, String> statements = Map.of("name", "statements", "type", "QUERY", "source", "true");
        PrometheusText before = scrape();
        JsonPath answer = GraphQL.data("actorsWithPagedChildren");
        assertTrue(answer.getList("data.actors.nodes").size() > 1, "several actors, one batch");
        PrometheusText after = scrape();
        assertEquals(1, after.sum("mp_graphql_seconds_count", encounters)
                - before.sum("mp_graphql_seconds_count", encounters), "one Actor.encounters batch timed");
        assertEquals(1, after.sum("mp_graphql_seconds_count", statements)
                - before.sum("mp_graphql_seconds_count", statements), "one Actor.statements batch timed");
        assertTrue(after.sum("mp_graphql_seconds_sum", encounters) > 0, "time was recorded");
    }

    @Test
    void errorsAreCountedByCode() {
        Map<String, String> validation = Map.of("code", "GRAPHQL_VALIDATION_FAILED");
        Map<String, String> badInput = Map.of("code", "BAD_USER_INPUT");
        double validationBefore = scrape().sum("parley_graphql_errors_total", validation);
        double badInputBefore = scrape().sum("parley_graphql_errors_total", badInput);

        GraphQL.any("{ actors { nodes { nope } } }");
        GraphQL.any("{ actors(first: 1000) { totalCount } }");
        GraphQL.any("{ actors(first: 1000) { totalCount } }");

        PrometheusText metrics = scrape();
        assertTrue(metrics.sum("parley_graphql_errors_total", validation) == validationBefore + 1,
                "one validation error counted");
        assertTrue(metrics.sum("parley_graphql_errors_total", badInput) == badInputBefore + 2,
                "two bad-input errors counted");
    }

    @Test
    void databasePoolUsageIsExposed() {
        Map<String, String> pool = Map.of("pool_type", "sql");
        double usesBefore = scrape().sum("sql_pool_usage_seconds_count", pool);
        GraphQL.data("sources");
        PrometheusText metrics = scrape();
        assertTrue(metrics.sum("sql_pool_usage_seconds_count", pool) > usesBefore, "reactive pool: connection uses");
        assertTrue(metrics.sum("sql_pool_idle", pool) + metrics.sum("sql_pool_active", pool) > 0,
                "reactive pool: connections idle and in use");
        assertTrue(metrics.has("sql_pool_queue_size"), "reactive pool: requests waiting for a connection");
        assertTrue(metrics.has("agroal_active_count"), "JDBC pool (migrations)");
    }

    private static PrometheusText scrape() {
        return new PrometheusText(Management.given().get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
