package org.parley.read;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.Ids;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A single object's lists folded into its statement (read.ToMany) answer exactly what their batches answer: the same
 * selection is asked of {@code actor(id:)}, which folds, and of {@code node(id:)}, which reads the same actor and
 * batches each list, and both must give the same data, whatever the arguments, aliases and fragments.
 */
@QuarkusTest
class FoldedListsTest {

    /** Every kind of list an actor page asks for, with arguments, aliases, cursors and nested lists. */
    private static final String SELECTION = """
            fragment Page on Actor {
              name kind
              aliases
              firstAlias: aliases(first: 1)
              roles { id title start { date precision } end { date precision } organization { name kind } }
              statements(first: 3) {
                totalCount
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                edges {
                  cursor
                  node {
                    id text kind mode saidOn { date precision }
                    speaker { name }
                    encounter { title start { date precision } place { name latitude longitude } }
                    sources { title publisher publishedAt updatedAt changedAt publishedOn { date precision } }
                    attestations { excerpt reportedDate { date precision } source { title url } }
                  }
                }
              }
              later: statements(first: 2, after: $after) { totalCount nodes { text } pageInfo { hasNextPage hasPreviousPage } }
              every: statements(first: 100) { nodes { id sources(first: 1) { title } } }
            }
            """;

    private static final String FOLDED = "query Folded($id: ID!, $after: String) { actor(id: $id) { ...Page } }"
            + SELECTION;

    private static final String BATCHED = "query Batched($id: ID!, $after: String) { node(id: $id) { ...Page } }"
            + SELECTION;

    @Test
    void anActorPageAnswersTheSameFoldedAsBatched() {
        for (String slug : List.of("vladimir-putin", "kim-jong-un", "sergey-lavrov", "north-korea")) {
            String id = Ids.bySlug("Actor", slug);
            JsonPath folded = GraphQL.post(FOLDED, GraphQL.vars("id", id, "after", PageRequest.cursor(0))).statusCode(200)
                    .extract().jsonPath();
            JsonPath batched = GraphQL.post(BATCHED, GraphQL.vars("id", id, "after", PageRequest.cursor(0))).statusCode(200)
                    .extract().jsonPath();
            assertEquals((Object) null, folded.get("errors"), slug);
            assertEquals((Object) null, batched.get("errors"), slug);
            Map<String, Object> actor = folded.getMap("data.actor");
            assertNotNull(actor, slug);
            assertEquals(batched.getMap("data.node"), actor, slug);
        }
        // the comparison saw lists, not empty answers: Putin has roles, statements with sources, a next page
        JsonPath putin = GraphQL.post(FOLDED, GraphQL.vars("id", Ids.bySlug("Actor", "vladimir-putin"), "after", null))
                .statusCode(200).extract().jsonPath();
        assertThat(putin.getList("data.actor.roles").size(), greaterThan(0));
        assertThat(putin.getList("data.actor.statements.edges.node.sources.flatten()").size(), greaterThan(0));
        assertThat(putin.getInt("data.actor.statements.totalCount"), greaterThanOrEqualTo(3));
        assertEquals(Database.count("select count(*) from statement s join actor a on a.id = s.speaker_id"
                + " where a.slug = 'vladimir-putin' and s.deleted_at is null"), putin.getList("data.actor.every.nodes").size());
    }

    @Test
    void aListWithArgumentsItCannotFoldStillAnswersThroughItsResolver() {
        // a cursor the resolver refuses: the same error as without folding, at that field
        JsonPath refused = GraphQL.any("query($id: ID!) { actor(id: $id) { name statements(after: \"nonsense\") { nodes { text } } } }",
                "id", Ids.bySlug("Actor", "vladimir-putin"));
        assertEquals("BAD_USER_INPUT", refused.getString("errors[0].extensions.code"));
        assertEquals(List.of("actor", "statements"), refused.getList("errors[0].path"));
        assertEquals(1, refused.getList("errors").size());
    }
}
