package org.parley.graphql;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.GraphQL;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A list of statements reads its to-one fields ahead, joined into its statement (read.Lookahead); {@code node(id:)}
 * reads none ahead, so every to-one field there goes through its batch resolver. Both must answer the same.
 */
@QuarkusTest
class ReadAheadAnswersTest {

    /** The selection of graphql/statementPage.graphql below {@code nodes}. */
    private static final String STATEMENT_PAGE = "id text speaker { name roles { title organization { name } } }"
            + " encounter { title start { date precision } place { name } participants { actor { name } } }"
            + " sources { title publisher } respondsTo { text speaker { name } }";

    @Test
    void theStatementPageAnswersAsTheResolversDo() {
        List<Map<String, Object>> nodes = GraphQL.data("statementPage", "first", 100)
                .getList("data.statements.nodes");
        // the statements where the to-one fields have something to show, at most 25 (the alias limit is 30)
        List<Map<String, Object>> chosen = new ArrayList<>();
        for (Map<String, Object> node : nodes) {
            if ((node.get("respondsTo") != null || node.get("encounter") != null) && chosen.size() < 25) {
                chosen.add(node);
            }
        }
        assertThat(chosen.size(), greaterThanOrEqualTo(5));
        assertThat(chosen.stream().filter(n -> n.get("respondsTo") != null).count(), greaterThanOrEqualTo(1L));
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < chosen.size(); i++) {
            query.append(" s").append(i).append(": node(id: \"").append(chosen.get(i).get("id"))
                    .append("\") { ... on Statement { ").append(STATEMENT_PAGE).append(" } }");
        }
        JsonPath byNode = GraphQL.post(query.append(" }").toString(), Map.of()).statusCode(200)
                .body("errors", nullValue()).extract().jsonPath();
        for (int i = 0; i < chosen.size(); i++) {
            assertEquals(byNode.getMap("data.s" + i), chosen.get(i), "statement " + chosen.get(i).get("id"));
        }
    }

    @Test
    void aToOneFieldUnderTwoAliasesGetsEachItsOwnSelection() {
        JsonPath page = GraphQL.data("statementPage", "first", 100);
        JsonPath aliased = GraphQL.any("{ statements(first: 100) { nodes { a: speaker { name }"
                + " b: speaker { roles { title organization { name } } } r: respondsTo { text }"
                + " respondsTo { speaker { name } } } } }");
        assertNull(aliased.get("errors"));
        assertEquals(page.getList("data.statements.nodes.speaker.name"), aliased.getList("data.statements.nodes.a.name"));
        assertEquals(page.getList("data.statements.nodes.speaker.roles"), aliased.getList("data.statements.nodes.b.roles"));
        assertEquals(page.getList("data.statements.nodes.respondsTo.text"), aliased.getList("data.statements.nodes.r.text"));
        assertEquals(page.getList("data.statements.nodes.respondsTo.speaker"),
                aliased.getList("data.statements.nodes.respondsTo.speaker"));
    }
}
