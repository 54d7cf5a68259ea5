package org.parley.engine;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.GraphQL;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Objects whose whole selection is plain are completed from a plan ({@link PlainSelections}); the answers must be
 * graphql-java's to the byte. A directive anywhere in a selection keeps it out of the plans, so the same query with
 * {@code @include(if: true)} on one field of each object is completed by graphql-java field by field: the two must
 * answer the same. Also run with the fast paths off (pom.xml, {@code fast-paths-off}): no plan there at all.
 */
@QuarkusTest
class PlainSelectionsTest {

    /** %s: nothing, or the directive that sends each object of the page back to graphql-java. */
    private static final String PAGE = """
            query Page {
              encounters(first: 50) {
                nodes {
                  id
                  start { date%1$s precision earliest latest resolution __typename }
                  place { name%1$s locality latitude longitude country { name%1$s } }
                  participants { role%1$s note actor { name%1$s kind type: __typename } }
                  sources { title%1$s publisher publishedAt publishedOn { date%1$s } }
                  ...Where
                }
              }
            }
            fragment Where on Encounter { place { ... on Place { n: name } latitude } sources { title } }
            """;

    @Inject
    GraphQLCustomizer customizer;

    @Test
    void plannedObjectsAnswerAsGraphQLJavaDoes() {
        long before = planned();
        long splitBefore = split();
        JsonPath planned = GraphQL.any(PAGE.formatted(""));
        long after = planned();
        long splitAfter = split();
        JsonPath fieldByField = GraphQL.any(PAGE.formatted(" @include(if: true)"));
        long afterFieldByField = planned();

        assertNull(planned.get("errors"));
        assertNull(fieldByField.get("errors"));
        List<Map<String, Object>> nodes = planned.getList("data.encounters.nodes");
        assertThat(nodes.size(), greaterThan(10));
        assertEquals(fieldByField.getMap("data"), planned.getMap("data"));

        if (customizer.queryStrategy() == null) {
            assertEquals(0, after - before, "no plans with the fast paths off");
            return;
        }
        // each participant and source is planned whole (its actor inside it); an encounter is split: its id, start
        // and place from its plan, its participants and sources executed; so is a place: its country is a to-one
        // field no batch read fetched ahead, so its batch resolver runs, and the country it answers is planned
        long whole = 0;
        long split = 0;
        for (Map<String, Object> node : nodes) {
            whole += ((List<?>) node.get("participants")).size() + ((List<?>) node.get("sources")).size();
            Map<?, ?> place = (Map<?, ?>) node.get("place");
            split += 1 + (place == null ? 0 : 1);
            whole += place == null || place.get("country") == null ? 0 : 1;
        }
        assertEquals(whole, after - before, "objects completed from a plan");
        assertEquals(split, splitAfter - splitBefore, "objects split between a plan and graphql-java");
        assertEquals(0, afterFieldByField - after, "a directive keeps a selection out of the plans");
        // only the encounters' own selections have no directive at their level: their ids come from their plans
        assertEquals(nodes.size(), split() - splitAfter, "a selection with a directive is not split");
        assertThat(nodes.stream().map(node -> node.get("place")).filter(Objects::nonNull).count(), greaterThan(0L));
    }

    private long planned() {
        QueryExecutionStrategy strategy = customizer.queryStrategy();
        return strategy == null ? 0 : strategy.plannedObjects();
    }

    private long split() {
        QueryExecutionStrategy strategy = customizer.queryStrategy();
        return strategy == null ? 0 : strategy.splitObjects();
    }
}
