package org.parley.actor;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.parley.testsupport.GraphQL.any;
import static org.parley.testsupport.GraphQL.as;
import static org.parley.testsupport.GraphQL.post;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** addRole, updateRole, deleteRole as an editor records a reshuffle: a minister moved to another post. */
@QuarkusTest
class RoleMutationsTest {

    @AfterAll
    static void removeWhatTheTestsCreated() {
        TestRows.removeAll();
    }

    private static Map<String, Object> map(Object... namesAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void anEditorRecordsEndsAndCorrectsRolesAndAnAdminRemovesOneRecordedByMistake() throws Exception {
        String editor = DevTokens.mint("test-editor", 600, "editor");
        String russia = Ids.bySlug("Actor", "russia");
        String source = Ids.bySlug("Source", "moneycontrol-2018-06-01");
        String actor = as(editor, "createActor", "input", map("kind", "PERSON", "name", TestRows.unique("Minister")))
                .getString("data.createActor.actor.id");
        String changes = "select count(*) from change_log where node_type = 'Actor' and node_id = ?";

        // the minister of defence since November 2012, as the source says
        JsonPath added = as(editor, "addRole", "input", map("actor", actor, "version", 0, "title", "Minister of Defence",
                "organization", russia, "start", map("date", "2012-11-06", "precision", "DAY"), "source", source));
        assertThat(added.getList("data.addRole.userErrors"), empty());
        String defence = added.getString("data.addRole.role.id");
        assertEquals("Minister of Defence", added.getString("data.addRole.role.title"));
        assertEquals("Russia", added.getString("data.addRole.role.organization.name"));
        assertNull(added.get("data.addRole.role.end"));
        assertEquals(1, added.getInt("data.addRole.actor.version"));
        assertEquals(2, Database.count(changes, Ids.dbId(actor)));

        // May 2024: he leaves it for the Security Council
        JsonPath ended = as(editor, "updateRole", "input", map("id", defence, "version", 1,
                "end", map("date", "2024-05-12", "precision", "DAY")));
        assertThat(ended.getList("data.updateRole.userErrors"), empty());
        assertEquals(Map.of("date", "2024-05-12", "precision", "DAY"), ended.getMap("data.updateRole.role.end"));
        assertEquals("Minister of Defence", ended.getString("data.updateRole.role.title"), "left out, kept");
        assertEquals(2, ended.getInt("data.updateRole.actor.version"));
        JsonPath secretary = as(editor, "addRole", "input", map("actor", actor, "title", "Secretary of the Security Council",
                "start", map("date", "2024-05-12", "precision", "MONTH")));
        assertThat(secretary.getList("data.addRole.userErrors"), empty());
        assertEquals(List.of("Minister of Defence", "Secretary of the Security Council"),
                secretary.getList("data.addRole.actor.roles.title"));
        assertEquals(Map.of("date", "2024-05-01", "precision", "MONTH"), secretary.getMap("data.addRole.role.start"));

        // the same end again: no change; then clear the organization (explicit null)
        JsonPath same = as(editor, "updateRole", "input", map("id", defence, "end", map("date", "2024-05-12", "precision", "DAY"),
                "title", "Minister of Defence"));
        assertEquals(3, same.getInt("data.updateRole.actor.version"));
        assertEquals(4, Database.count(changes, Ids.dbId(actor)));
        JsonPath cleared = as(editor, "updateRole", "input", map("id", defence, "version", 3, "organization", null));
        assertNull(cleared.get("data.updateRole.role.organization"));
        assertEquals(added.getString("data.addRole.role.source.title"), cleared.getString("data.updateRole.role.source.title"),
                "source left out, kept");
        assertEquals(4, cleared.getInt("data.updateRole.actor.version"));

        // refused, nothing written: a cleared title, an end before the start, a stale version, an unknown actor
        JsonPath noTitle = as(editor, "updateRole", "input", map("id", defence, "title", null));
        assertEquals(List.of("input", "title"), noTitle.getList("data.updateRole.userErrors[0].field"));
        assertEquals("INVALID", noTitle.getString("data.updateRole.userErrors[0].code"));
        JsonPath backwards = as(editor, "updateRole", "input", map("id", defence,
                "end", map("date", "2010-01-01", "precision", "YEAR")));
        assertEquals(List.of("input", "end"), backwards.getList("data.updateRole.userErrors[0].field"));
        assertEquals("CONFLICT", as(editor, "updateRole", "input", map("id", defence, "version", 1, "title", "X"))
                .getString("data.updateRole.userErrors[0].code"));
        assertEquals("NOT_FOUND", as(editor, "addRole", "input", map("actor", Ids.of("Actor", 999_999_999), "title", "X"))
                .getString("data.addRole.userErrors[0].code"));
        assertEquals(4, TestRows.version("actor", actor));

        // the role's ID resolves through node
        assertEquals("Minister of Defence", any("query($id: ID!) { node(id: $id) { ... on Role { title } } }", "id", defence)
                .getString("data.node.title"));

        // the secretary role was a misreading: an editor may not delete it, an admin may
        String mistaken = secretary.getString("data.addRole.role.id");
        assertEquals("FORBIDDEN", post(GraphQL.operation("deleteRole"), Map.of("input", Map.of("id", mistaken)), editor)
                .statusCode(200).extract().jsonPath().getString("errors[0].extensions.code"));
        JsonPath deleted = as(DevTokens.admin(), "deleteRole", "input", map("id", mistaken, "version", 4));
        assertThat(deleted.getList("data.deleteRole.userErrors"), empty());
        assertEquals(List.of("Minister of Defence"), deleted.getList("data.deleteRole.actor.roles.title"));
        assertEquals(5, deleted.getInt("data.deleteRole.actor.version"));
        assertEquals(List.of("createActor", "addRole", "updateRole", "addRole", "updateRole", "deleteRole"),
                Database.column("select operation from change_log where node_type = 'Actor' and node_id = ?"
                        + " order by id", Ids.dbId(actor)));
    }
}
