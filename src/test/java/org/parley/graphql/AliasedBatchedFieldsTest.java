package org.parley.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.Ids;
import org.parley.read.PageRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A batched field that occurs several times at one level with different arguments (aliases, or the same field under
 * two parents) answers each occurrence with its own arguments, as if each had been asked alone.
 */
@QuarkusTest
class AliasedBatchedFieldsTest {

    private static final String ENCOUNTER_TITLES = "query($id: ID!, $first: Int) { actor(id: $id) {"
            + " encounters(first: $first) { totalCount nodes { title } } } }";

    private static List<String> titlesAlone(String actorId, int first) {
        return GraphQL.any(ENCOUNTER_TITLES, "id", actorId, "first", first).getList("data.actor.encounters.nodes.title");
    }

    @Test
    void twoParentsWithDifferentPageSizesGetTheirOwnPages() {
        String kim = Ids.bySlug("Actor", "kim-jong-un");
        String putin = Ids.bySlug("Actor", "vladimir-putin");
        JsonPath body = GraphQL.any("query($kim: ID!, $putin: ID!) {"
                + " kim: actor(id: $kim) { encounters(first: 1) { nodes { title } } }"
                + " putin: actor(id: $putin) { encounters(first: 4) { nodes { title } } } }",
                "kim", kim, "putin", putin);
        assertNull(body.get("errors"), "no errors");
        List<String> putinTitles = body.getList("data.putin.encounters.nodes.title");
        assertEquals(4, putinTitles.size(), "Putin's page has the 4 items it asked for");
        assertEquals(titlesAlone(putin, 4), putinTitles);
        assertEquals(titlesAlone(kim, 1), body.getList("data.kim.encounters.nodes.title"));
    }

    @Test
    void aliasesOfOneFieldUnderOneParentGetTheirOwnArguments() {
        String kim = Ids.bySlug("Actor", "kim-jong-un");
        JsonPath body = GraphQL.any("query($kim: ID!, $after: String) { actor(id: $kim) {"
                + " one: encounters(first: 1) { nodes { title } pageInfo { endCursor } }"
                + " three: encounters(first: 3) { totalCount nodes { title } }"
                + " rest: encounters(first: 2, after: $after) { nodes { title } }"
                + " statements(first: 2) { totalCount nodes { text } } } }",
                "kim", kim, "after", PageRequest.cursor(0));
        assertNull(body.get("errors"), "no errors");
        List<String> three = titlesAlone(kim, 3);
        assertEquals(three.subList(0, 1), body.getList("data.actor.one.nodes.title"));
        assertEquals(three, body.getList("data.actor.three.nodes.title"));
        assertEquals(three.subList(1, 3), body.getList("data.actor.rest.nodes.title"));
        long total = Database.count("select count(*) from participant p join actor a on a.id = p.actor_id"
                + " join encounter e on e.id = p.encounter_id where a.slug = 'kim-jong-un' and e.deleted_at is null");
        assertTrue(total > 3);
        assertEquals(total, body.getLong("data.actor.three.totalCount"));
        assertEquals(Database.count("select count(*) from statement s join actor a on a.id = s.speaker_id"
                + " where a.slug = 'kim-jong-un' and s.deleted_at is null"), body.getLong("data.actor.statements.totalCount"));
    }
}
