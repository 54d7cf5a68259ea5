package org.parley.audit;

import java.time.Duration;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testsupport.GraphQL.as;
import static org.parley.testsupport.GraphQL.data;
import static org.parley.testsupport.GraphQL.operation;
import static org.parley.testsupport.GraphQL.post;
import static org.parley.testsupport.GraphQL.vars;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * deleteActor, deleteEncounter, deleteStatement, deleteSource: tombstones that reads skip and {@code tombstones}
 * lists, the rules that refuse a deletion, and the admin role.
 */
@QuarkusTest
class DeletionTest {

    private static final String MONEYCONTROL = "moneycontrol-2018-06-01";

    @AfterAll
    static void removeWhatTheTestsCreated() {
        TestRows.removeAll();
    }

    private static String newActor() throws Exception {
        JsonPath body = as(DevTokens.editor(), "createActor", "input", Map.of("kind", "PERSON", "name", TestRows.unique("Delegate")));
        return body.getString("data.createActor.actor.id");
    }

    private static String newSource() throws Exception {
        JsonPath body = as(DevTokens.editor(), "addSource", "input", Map.of("title", TestRows.unique("Article"),
                "url", "https://example.org/zz-test/" + UUID.randomUUID()));
        return body.getString("data.addSource.source.id");
    }

    private static String newEncounter(String actor, String source) throws Exception {
        Map<String, Object> input = new HashMap<>();
        input.put("kind", "TALKS");
        input.put("title", TestRows.unique("Talks"));
        input.put("status", "HELD");
        input.put("participants", List.of(Map.of("actor", actor, "role", "PRINCIPAL"),
                Map.of("actor", Ids.bySlug("Actor", "vladimir-putin"), "role", "HOST")));
        input.put("attestations", List.of(Map.of("source", source, "excerpt", "test excerpt")));
        JsonPath body = as(DevTokens.editor(), "recordEncounter", "input", input);
        assertThat(body.getList("data.recordEncounter.userErrors"), empty());
        return body.getString("data.recordEncounter.encounter.id");
    }

    private static String newStatement(String speaker, String encounter, String respondsTo) throws Exception {
        Map<String, Object> input = new HashMap<>();
        input.put("text", TestRows.unique("We will meet again"));
        input.put("mode", "PARAPHRASE");
        input.put("kind", "PLEDGE");
        input.put("speaker", speaker);
        input.put("encounter", encounter);
        input.put("respondsTo", respondsTo);
        input.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", MONEYCONTROL), "excerpt", "test")));
        JsonPath body = as(DevTokens.editor(), "recordStatement", "input", input);
        assertThat(body.getList("data.recordStatement.userErrors"), empty());
        return body.getString("data.recordStatement.statement.id");
    }

    private static JsonPath delete(String type, String id, int version) throws Exception {
        return as(DevTokens.admin(), "delete" + type, "input", Map.of("id", id, "version", version));
    }

    private static List<String> tombstoneIds(OffsetDateTime since) {
        return data("tombstones", "deletedSince", since.toString(), "first", 100).getList("data.tombstones.nodes.id");
    }

    private static String newState() throws Exception {
        JsonPath body = as(DevTokens.editor(), "createActor", "input", Map.of("kind", "STATE", "name", TestRows.unique("Republic")));
        return body.getString("data.createActor.actor.id");
    }

    private static void assertNotFoundAt(JsonPath body, String mutation, String... field) {
        assertEquals(List.of(Map.of("field", List.of(field), "code", "NOT_FOUND")),
                body.<Map<String, Object>> getList("data." + mutation + ".userErrors").stream()
                        .map(error -> Map.of("field", error.get("field"), "code", error.get("code"))).toList(),
                body.prettify());
    }

    @Test
    void aReferenceToADeletedRowIsNotFoundAtItsOwnField() throws Exception {
        String state = newState();
        String source = newSource();
        String actor = newActor();
        String encounter = newEncounter(actor, Ids.bySlug("Source", MONEYCONTROL));
        assertThat(delete("Actor", state, 0).getList("data.deleteActor.userErrors"), empty());
        assertThat(delete("Source", source, 0).getList("data.deleteSource.userErrors"), empty());

        assertNotFoundAt(as(DevTokens.editor(), "createActor", "input", Map.of("kind", "PERSON",
                "name", TestRows.unique("Citizen"), "country", state)), "createActor", "input", "country");
        Map<String, Object> placed = new HashMap<>();
        placed.put("kind", "TALKS");
        placed.put("title", TestRows.unique("Placed talks"));
        placed.put("status", "HELD");
        placed.put("place", Map.of("name", "Somewhere", "country", state));
        placed.put("participants", List.of(Map.of("actor", actor, "role", "PRINCIPAL")));
        placed.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", MONEYCONTROL), "excerpt", "test")));
        assertNotFoundAt(as(DevTokens.editor(), "recordEncounter", "input", placed), "recordEncounter",
                "input", "place", "country");
        assertNotFoundAt(as(DevTokens.editor(), "setEncounterStatus", "input", Map.of("encounter", encounter,
                "version", TestRows.version("encounter", encounter), "status", "POSTPONED", "source", source)),
                "setEncounterStatus", "input", "source");
        assertNotFoundAt(as(DevTokens.editor(), "attest", "input", Map.of("source", source, "encounter", encounter,
                "excerpt", "from a deleted source")), "attest", "input", "source");
        Map<String, Object> statement = new HashMap<>();
        statement.put("text", TestRows.unique("About someone gone"));
        statement.put("mode", "PARAPHRASE");
        statement.put("kind", "CLAIM");
        statement.put("speaker", Ids.bySlug("Actor", "kim-jong-un"));
        statement.put("about", List.of(Ids.bySlug("Actor", "vladimir-putin"), state));
        statement.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", MONEYCONTROL), "excerpt", "test")));
        assertNotFoundAt(as(DevTokens.editor(), "recordStatement", "input", statement), "recordStatement",
                "input", "about", "1");
    }

    /**
     * A delete of a state holds its row while it checks that nothing refers to it. An actor created with that state
     * as its country meanwhile waits for the delete (it locks the country for share), then finds the state gone; had
     * it not waited, a live actor would point at a deleted country.
     */
    @Test
    void anActorCreatedWhileItsCountryIsBeingDeletedWaitsAndFindsItGone() throws Exception {
        String state = newState();
        long stateId = Ids.dbId(state);
        try (Connection deleting = Database.connect()) {
            deleting.setAutoCommit(false);
            try (PreparedStatement lock = deleting.prepareStatement("select id from actor where id = ? for update")) {
                lock.setLong(1, stateId);
                lock.executeQuery().close();
            }
            String token = DevTokens.editor();
            CompletableFuture<JsonPath> create = CompletableFuture.supplyAsync(() -> as(token, "createActor",
                    "input", Map.of("kind", "PERSON", "name", TestRows.unique("Citizen"), "country", state)));
            // the create waits on the lock: a backend of this database shows up as waiting, and it has not answered
            await("createActor waiting for the lock").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .failFast("createActor answered without waiting", create::isDone)
                    .until(() -> Database.count("select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid"
                            + " where not l.granted and a.datname = current_database()") > 0);
            try (PreparedStatement tombstone = deleting.prepareStatement(
                    "update actor set deleted_at = now(), version = version + 1 where id = ?")) {
                tombstone.setLong(1, stateId);
                tombstone.executeUpdate();
            }
            deleting.commit();
            assertNotFoundAt(create.get(30, TimeUnit.SECONDS), "createActor", "input", "country");
        }
        assertEquals(0, Database.count("select count(*) from actor a join actor c on c.id = a.country_id"
                + " where a.deleted_at is null and c.deleted_at is not null"));
    }

    @Test
    void deletingNeedsTheAdminRole() throws Exception {
        String actor = newActor();
        Map<String, Object> input = Map.of("id", actor, "version", 0);
        JsonPath asEditor = post(operation("deleteActor"), vars("input", input), DevTokens.editor()).statusCode(200)
                .extract().jsonPath();
        assertEquals("FORBIDDEN", asEditor.getString("errors[0].extensions.code"));
        JsonPath anonymous = post(operation("deleteActor"), vars("input", input)).statusCode(200).extract().jsonPath();
        assertEquals("UNAUTHENTICATED", anonymous.getString("errors[0].extensions.code"));
        assertEquals(0, Database.count("select count(*) from actor where id = ? and deleted_at is not null",
                Ids.dbId(actor)));
    }

    @Test
    void aDeletedActorDisappearsFromReadsAndIsListedAsATombstone() throws Exception {
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
        String actor = newActor();
        String name = data("actorById", "id", actor).getString("data.actor.name");

        JsonPath stale = delete("Actor", actor, 7);
        assertEquals("CONFLICT", stale.getString("data.deleteActor.userErrors[0].code"));

        JsonPath deleted = delete("Actor", actor, 0);
        assertThat(deleted.getList("data.deleteActor.userErrors"), empty());
        assertEquals(actor, deleted.getString("data.deleteActor.deletedId"));

        assertNull(data("actorById", "id", actor).get("data.actor"));
        assertNull(data("node", "id", actor).get("data.node"));
        assertNull(data("actorByName", "name", name).get("data.actor"));
        assertThat(data("actors", "filter", Map.of("search", name)).getList("data.actors.nodes.name"), empty());

        JsonPath tombstones = data("tombstones", "deletedSince", before.toString(), "first", 100);
        Map<String, Object> tombstone = tombstones.<Map<String, Object>> getList("data.tombstones.nodes").stream()
                .filter(t -> actor.equals(t.get("id"))).findFirst().orElseThrow();
        assertEquals("Actor", tombstone.get("type"));
        assertNull(tombstone.get("mergedIntoId"));
        assertTrue(OffsetDateTime.parse((String) tombstone.get("deletedAt")).isAfter(before));
        // a later deletedSince leaves it out
        assertThat(tombstoneIds(OffsetDateTime.now().plusMinutes(1)), not(hasItem(actor)));

        // the row stays, marked, and the deletion is audited
        assertEquals(1, Database.count("select count(*) from actor where id = ? and deleted_at is not null",
                Ids.dbId(actor)));
        assertEquals(List.of("test-admin"), Database.column("select subject from change_log where node_type = 'Actor'"
                + " and node_id = ? and operation = 'deleteActor'", Ids.dbId(actor)));

        JsonPath again = delete("Actor", actor, 1);
        assertEquals("NOT_FOUND", again.getString("data.deleteActor.userErrors[0].code"));
        // a deleted actor's name is free again
        JsonPath reused = as(DevTokens.editor(), "createActor", "input", Map.of("kind", "PERSON", "name", name));
        assertThat(reused.getList("data.createActor.userErrors"), empty());
    }

    @Test
    void refusesToDeleteWhatLiveRowsStillReferTo() throws Exception {
        String actor = newActor();
        String source = newSource();
        String encounter = newEncounter(actor, source);
        String statement = newStatement(actor, encounter, null);
        String response = newStatement(Ids.bySlug("Actor", "vladimir-putin"), null, statement);

        JsonPath actorInUse = delete("Actor", actor, TestRows.version("actor", actor));
        assertEquals("IN_USE", actorInUse.getString("data.deleteActor.userErrors[0].code"));
        assertEquals(List.of("input", "id"), actorInUse.getList("data.deleteActor.userErrors[0].field"));
        assertTrue(actorInUse.getString("data.deleteActor.userErrors[0].message").contains("participations"));
        JsonPath encounterInUse = delete("Encounter", encounter, TestRows.version("encounter", encounter));
        assertEquals("IN_USE", encounterInUse.getString("data.deleteEncounter.userErrors[0].code"));
        JsonPath statementInUse = delete("Statement", statement, TestRows.version("statement", statement));
        assertEquals("IN_USE", statementInUse.getString("data.deleteStatement.userErrors[0].code"));
        JsonPath lastSource = delete("Source", source, TestRows.version("source", source));
        assertEquals("LAST_ATTESTATION", lastSource.getString("data.deleteSource.userErrors[0].code"));
        assertEquals(0, Database.count("select count(*) from encounter where id = ? and deleted_at is not null",
                Ids.dbId(encounter)));

        // taken apart from the leaves up, each deletion goes through
        assertThat(delete("Statement", response, TestRows.version("statement", response))
                .getList("data.deleteStatement.userErrors"), empty());
        assertThat(delete("Statement", statement, TestRows.version("statement", statement))
                .getList("data.deleteStatement.userErrors"), empty());
        assertThat(delete("Encounter", encounter, TestRows.version("encounter", encounter))
                .getList("data.deleteEncounter.userErrors"), empty());
        // the actor's encounters, and their count, leave out the deleted one (its participation rows stay)
        JsonPath counted = post("query($id: ID!) { actor(id: $id) { encounters { totalCount nodes { id } } } }",
                vars("id", actor)).statusCode(200).extract().jsonPath();
        assertEquals(List.of(0, List.of()), List.of(counted.getInt("data.actor.encounters.totalCount"),
                counted.getList("data.actor.encounters.nodes")));
        assertEquals(1, Database.count("select count(*) from participant where actor_id = ?", Ids.dbId(actor)));
        assertThat(delete("Actor", actor, TestRows.version("actor", actor)).getList("data.deleteActor.userErrors"), empty());

        // reads through other objects no longer reach the deleted ones
        JsonPath putin = data("actorWithStatementsAbout", "id", Ids.bySlug("Actor", "vladimir-putin"));
        assertThat(putin.getList("data.encounters.nodes.id"), not(hasItem(encounter)));
        assertThat(data("encounters", "first", 100, "filter", Map.of("kind", "TALKS"))
                .getList("data.encounters.nodes.id"), not(hasItem(encounter)));
        JsonPath sourceView = post("query($id: ID!) { node(id: $id) { ... on Source { encounters { id }"
                + " attestations { encounter { id } } } } }", vars("id", source)).statusCode(200).extract().jsonPath();
        assertThat(sourceView.getList("data.node.encounters"), empty());
        assertThat(sourceView.getList("data.node.attestations"), empty());
    }

    @Test
    void aDeletedSourceTakesItsAttestationsAndFreesItsUrl() throws Exception {
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
        String actor = newActor();
        String source = newSource();
        String encounter = newEncounter(actor, source);
        JsonPath attested = as(DevTokens.editor(), "attest", "input", Map.of("source", Ids.bySlug("Source", MONEYCONTROL),
                "encounter", encounter, "excerpt", "second source"));
        assertThat(attested.getList("data.attest.userErrors"), empty());
        String url = (String) Database.column("select url from source where id = ?", Ids.dbId(source)).get(0);

        JsonPath deleted = delete("Source", source, TestRows.version("source", source));
        assertThat(deleted.getList("data.deleteSource.userErrors"), empty());

        assertEquals(0, Database.count("select count(*) from attestation where source_id = ?", Ids.dbId(source)));
        JsonPath view = post("query($id: ID!) { node(id: $id) { ... on Encounter { sources { id } } } }",
                vars("id", encounter)).statusCode(200).extract().jsonPath();
        assertEquals(List.of(Ids.bySlug("Source", MONEYCONTROL)), view.getList("data.node.sources.id"));
        assertNull(data("node", "id", source).get("data.node"));
        assertThat(tombstoneIds(before), hasItem(source));
        // the encounter lost a source: the change feed shows it as changed
        assertNotNull(view.get("data.node"));
        assertTrue(Database.count("select count(*) from encounter where id = ? and modified_at >= ?",
                Ids.dbId(encounter), before) == 1);

        JsonPath again = as(DevTokens.editor(), "addSource", "input", Map.of("title", TestRows.unique("Article again"), "url", url));
        assertThat(again.getList("data.addSource.userErrors"), empty());
    }
}
