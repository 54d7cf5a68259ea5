package org.parley.actor;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.testsupport.GraphQL.as;
import static org.parley.testsupport.GraphQL.data;
import static org.parley.testsupport.GraphQL.operation;
import static org.parley.testsupport.GraphQL.post;
import static org.parley.testsupport.GraphQL.vars;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** mergeActors: what moves to the kept actor, how the merged ID keeps resolving, and what is refused. */
@QuarkusTest
class MergeActorsTest {

    private static final String MONEYCONTROL = "moneycontrol-2018-06-01";

    @AfterAll
    static void removeWhatTheTestsCreated() {
        TestRows.removeAll();
    }

    private static JsonPath createActor(Map<String, Object> input) throws Exception {
        JsonPath body = as(DevTokens.editor(), "createActor", "input", input);
        assertThat(body.getList("data.createActor.userErrors"), empty());
        return body;
    }

    private static String person(String name) throws Exception {
        return createActor(Map.of("kind", "PERSON", "name", name)).getString("data.createActor.actor.id");
    }

    private static String encounter(Map<String, String> participantRoles) throws Exception {
        Map<String, Object> input = new HashMap<>();
        input.put("kind", "MEETING");
        input.put("title", TestRows.unique("Meeting"));
        input.put("status", "HELD");
        input.put("participants", participantRoles.entrySet().stream()
                .map(e -> Map.of("actor", e.getKey(), "role", e.getValue())).toList());
        input.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", MONEYCONTROL), "excerpt", "test")));
        JsonPath body = as(DevTokens.editor(), "recordEncounter", "input", input);
        assertThat(body.getList("data.recordEncounter.userErrors"), empty());
        return body.getString("data.recordEncounter.encounter.id");
    }

    private static String statement(String speaker, String about) throws Exception {
        Map<String, Object> input = new HashMap<>();
        input.put("text", TestRows.unique("The talks were useful"));
        input.put("mode", "PARAPHRASE");
        input.put("kind", "ASSESSMENT");
        input.put("speaker", speaker);
        input.put("about", List.of(about));
        input.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", MONEYCONTROL), "excerpt", "test")));
        JsonPath body = as(DevTokens.editor(), "recordStatement", "input", input);
        assertThat(body.getList("data.recordStatement.userErrors"), empty());
        return body.getString("data.recordStatement.statement.id");
    }

    private static JsonPath merge(String keep, String merge) throws Exception {
        return as(DevTokens.admin(), "mergeActors", "input", Map.of("keep", keep, "keepVersion", TestRows.version("actor", keep),
                "merge", merge, "mergeVersion", TestRows.version("actor", merge)));
    }

    @Test
    void movesEverythingToTheKeptActorAndTheMergedIdResolvesToIt() throws Exception {
        String keepName = TestRows.unique("Keeper");
        String mergeName = TestRows.unique("Duplicate");
        String mergeAlias = TestRows.unique("Duplicate alias");
        String wikidata = "Q" + ThreadLocalRandom.current().nextLong(900_000_000L, 999_999_999L);
        String keep = person(keepName);
        String merged = createActor(Map.of("kind", "PERSON", "name", mergeName, "aliases", List.of(mergeAlias),
                "wikidataId", wikidata)).getString("data.createActor.actor.id");
        Database.execute("insert into actor_role (actor_id, title, position) values (?, 'Zz Test envoy', 0)",
                Ids.dbId(merged));
        String putin = Ids.bySlug("Actor", "vladimir-putin");
        String onlyMerged = encounter(Map.of(merged, "GUEST", putin, "HOST"));
        String both = encounter(Map.of(keep, "HOST", merged, "GUEST"));
        String said = statement(merged, keep);
        int onlyMergedVersion = TestRows.version("encounter", onlyMerged);

        JsonPath body = merge(keep, merged);
        assertThat(body.getList("data.mergeActors.userErrors"), empty());
        assertEquals(keep, body.getString("data.mergeActors.actor.id"));
        assertEquals(keepName, body.getString("data.mergeActors.actor.name"));
        assertThat(body.getList("data.mergeActors.actor.aliases"), hasItems(mergeName, mergeAlias));
        assertEquals(wikidata, body.getString("data.mergeActors.actor.wikidataId"));
        assertThat(body.getList("data.mergeActors.actor.roles.title"), hasItem("Zz Test envoy"));
        assertThat(body.getList("data.mergeActors.actor.encounters.nodes.id"), hasItems(onlyMerged, both));
        assertThat(body.getList("data.mergeActors.actor.statements.nodes.id"), hasItem(said));
        // where both took part, the kept actor appears once
        JsonPath bothView = post("query($id: ID!) { node(id: $id) { ... on Encounter { participants { actor { id } } } } }",
                vars("id", both)).statusCode(200).extract().jsonPath();
        assertEquals(List.of(keep), bothView.getList("data.node.participants.actor.id"));
        assertEquals(1, Database.count("select count(*) from participant where encounter_id = ?", Ids.dbId(both)));
        assertEquals(0, Database.count("select count(*) from participant where actor_id = ?", Ids.dbId(merged)));
        // the statement is now about the kept actor, once
        JsonPath about = data("actorWithStatementsAbout", "id", keep);
        assertThat(about.getList("data.statements.nodes.id"), hasItem(said));
        // encounters whose participants changed have a new version
        assertEquals(onlyMergedVersion + 1, TestRows.version("encounter", onlyMerged));

        // the old ID, and the old name, lead to the kept actor
        JsonPath node = data("node", "id", merged);
        assertEquals("Actor", node.getString("data.node.__typename"));
        assertEquals(keep, node.getString("data.node.id"));
        assertEquals(keep, data("actorById", "id", merged).getString("data.actor.id"));
        assertEquals(keep, data("actorByName", "name", mergeName).getString("data.actor.id"));
        // and so do filters given the old ID
        JsonPath byOldId = data("actorWithStatementsAbout", "id", merged);
        assertThat(byOldId.getList("data.encounters.nodes.id"), hasItems(onlyMerged, both));
        assertThat(byOldId.getList("data.statements.nodes.id"), hasItem(said));
        // the merged actor is a tombstone that says where it went
        Map<String, Object> tombstone = data("tombstones", "first", 100).<Map<String, Object>> getList(
                "data.tombstones.nodes").stream().filter(t -> merged.equals(t.get("id"))).findFirst().orElseThrow();
        assertEquals(keep, tombstone.get("mergedIntoId"));
        assertThat(data("actors", "filter", Map.of("search", mergeName.substring(8))).getList("data.actors.nodes.id"),
                not(hasItem(merged)));
        assertEquals(List.of("test-admin", "test-admin"), Database.column("select subject from change_log"
                + " where operation = 'mergeActors' and node_id in (?, ?) order by id", Ids.dbId(keep), Ids.dbId(merged)));

        // merged again into a third actor: the first merged ID follows
        String third = person(TestRows.unique("Third"));
        assertThat(merge(third, keep).getList("data.mergeActors.userErrors"), empty());
        assertEquals(third, data("node", "id", merged).getString("data.node.id"));
        assertEquals(third, data("node", "id", keep).getString("data.node.id"));
    }

    @Test
    void refusesWhatCannotBeMerged() throws Exception {
        String a = person(TestRows.unique("Left"));
        String b = person(TestRows.unique("Right"));
        String state = createActor(Map.of("kind", "STATE", "name", TestRows.unique("Republic")))
                .getString("data.createActor.actor.id");

        assertEquals("INVALID", merge(a, a).getString("data.mergeActors.userErrors[0].code"));
        assertEquals("INVALID", merge(a, state).getString("data.mergeActors.userErrors[0].code"));
        JsonPath stale = as(DevTokens.admin(), "mergeActors", "input", Map.of("keep", a, "keepVersion", 5, "merge", b,
                "mergeVersion", 0));
        assertEquals("CONFLICT", stale.getString("data.mergeActors.userErrors[0].code"));
        JsonPath unknown = as(DevTokens.admin(), "mergeActors", "input", Map.of("keep", a, "keepVersion", 0,
                "merge", Ids.of("Actor", 99_999_999), "mergeVersion", 0));
        assertEquals("NOT_FOUND", unknown.getString("data.mergeActors.userErrors[0].code"));
        assertEquals(List.of("input", "merge"), unknown.getList("data.mergeActors.userErrors[0].field"));
        JsonPath asEditor = post(operation("mergeActors"), vars("input", Map.of("keep", a, "keepVersion", 0,
                "merge", b, "mergeVersion", 0)), DevTokens.editor()).statusCode(200).extract().jsonPath();
        assertEquals("FORBIDDEN", asEditor.getString("errors[0].extensions.code"));
        // nothing of the refused merges happened
        assertEquals(0, Database.count("select count(*) from actor where id in (?, ?, ?) and deleted_at is not null",
                Ids.dbId(a), Ids.dbId(b), Ids.dbId(state)));

        assertThat(merge(a, b).getList("data.mergeActors.userErrors"), empty());
        JsonPath twice = as(DevTokens.admin(), "mergeActors", "input", Map.of("keep", a, "keepVersion", TestRows.version("actor", a),
                "merge", b, "mergeVersion", TestRows.version("actor", b)));
        assertEquals("NOT_FOUND", twice.getString("data.mergeActors.userErrors[0].code"));
    }
}
