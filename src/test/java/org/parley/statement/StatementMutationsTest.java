package org.parley.statement;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.parley.testsupport.GraphQL.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class StatementMutationsTest {

    @AfterAll
    static void removeWhatTheTestsCreated() {
        TestRows.removeAll();
    }

    private static JsonPath record(Map<String, Object> input) throws Exception {
        return as(DevTokens.mint("test-editor", 600, "editor"), "recordStatement", "input", input);
    }

    private static Map<String, Object> denial() {
        Map<String, Object> input = new HashMap<>();
        input.put("text", "Zz test: Pyongyang again denied supplying arms " + UUID.randomUUID());
        input.put("mode", "PARAPHRASE");
        input.put("kind", "DENIAL");
        input.put("speaker", Ids.bySlug("Actor", "north-korea"));
        input.put("saidOn", Map.of("date", "2025-10-29", "precision", "DAY"));
        input.put("encounter", Ids.bySlug("Encounter", "choe-son-hui-meets-putin-2025"));
        input.put("about", List.of(Ids.bySlug("Actor", "russia"), Ids.bySlug("Actor", "north-korea")));
        input.put("respondsTo", Ids.bySlug("Statement", "us-alleges-north-korean-arms-supply"));
        input.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", "nishadil-2025-10-28"), "excerpt", "denied")));
        return input;
    }

    @Test
    void recordsADenialLinkedToWhatItDenies() throws Exception {
        JsonPath body = record(denial());
        assertThat(body.getList("data.recordStatement.userErrors"), empty());
        String id = body.getString("data.recordStatement.statement.id");
        assertEquals("North Korea", body.getString("data.recordStatement.statement.speaker.name"));
        assertEquals(List.of("Russia", "North Korea"), body.getList("data.recordStatement.statement.about.name"));
        assertEquals(Ids.bySlug("Statement", "us-alleges-north-korean-arms-supply"),
                body.getString("data.recordStatement.statement.respondsTo.id"));
        assertThat(body.getList("data.recordStatement.statement.respondsTo.responses.id"), hasItem(id));
        assertEquals(List.of(Ids.bySlug("Source", "nishadil-2025-10-28")), body.getList("data.recordStatement.statement.sources.id"));
    }

    @Test
    void anAnonymousSpeakerIsDescribed() throws Exception {
        Map<String, Object> input = denial();
        input.remove("speaker");
        input.put("speakerLabel", "a diplomat who asked not to be named");
        input.put("kind", "CLAIM");
        input.remove("respondsTo");
        JsonPath body = record(input);
        assertNull(body.get("data.recordStatement.statement.speaker"));
        assertEquals("a diplomat who asked not to be named", body.getString("data.recordStatement.statement.speakerLabel"));
    }

    @Test
    void refusesStatementsWithoutSpeakerOrSourceOrWithUnknownLinks() throws Exception {
        long before = Database.count("select count(*) from statement");
        Map<String, Object> nobody = denial();
        nobody.remove("speaker");
        assertEquals(List.of("INVALID"), record(nobody).getList("data.recordStatement.userErrors.code"));
        Map<String, Object> unsourced = denial();
        unsourced.put("attestations", List.of());
        assertEquals("INVALID", record(unsourced).getString("data.recordStatement.userErrors[0].code"));
        Map<String, Object> dangling = denial();
        dangling.put("respondsTo", Ids.of("Statement", 99999999));
        JsonPath refused = record(dangling);
        assertEquals("NOT_FOUND", refused.getString("data.recordStatement.userErrors[0].code"));
        assertEquals(List.of("input", "respondsTo"), refused.getList("data.recordStatement.userErrors[0].field"));
        Map<String, Object> wrongType = denial();
        wrongType.put("encounter", Ids.bySlug("Actor", "russia"));
        assertEquals("NOT_FOUND", record(wrongType).getString("data.recordStatement.userErrors[0].code"));
        assertEquals(before, Database.count("select count(*) from statement"));
    }

    @Test
    void updatesAtTheCurrentVersionOnly() throws Exception {
        String id = record(denial()).getString("data.recordStatement.statement.id");
        String token = DevTokens.mint("test-editor", 600, "editor");
        JsonPath updated = as(token, "updateStatement", "input", Map.of("id", id, "version", 0, "kind", "CLAIM",
                "saidOn", Map.of("date", "2025-10-30", "precision", "DAY")));
        assertThat(updated.getList("data.updateStatement.userErrors"), empty());
        assertEquals("CLAIM", updated.getString("data.updateStatement.statement.kind"));
        assertEquals(1, updated.getInt("data.updateStatement.statement.version"));
        assertEquals("CONFLICT", as(token, "updateStatement", "input", Map.of("id", id, "version", 0, "kind", "DENIAL"))
                .getString("data.updateStatement.userErrors[0].code"));
        assertEquals("NOT_FOUND", as(token, "updateStatement", "input", Map.of("id", Ids.bySlug("Actor", "russia"), "version", 0))
                .getString("data.updateStatement.userErrors[0].code"));
    }

    @Test
    void anEditorClearsTheDateAndTheLabelWhereAllowedAndANoOpWritesNothing() throws Exception {
        String token = DevTokens.mint("test-editor", 600, "editor");
        Map<String, Object> input = denial();
        input.put("speakerLabel", "a foreign ministry spokesperson");
        String id = record(input).getString("data.recordStatement.statement.id");
        String changes = "select count(*) from change_log where node_type = 'Statement' and node_id = ?";

        // the date was the report's, not the statement's: clear it; the label stays
        Map<String, Object> clear = new HashMap<>();
        clear.put("id", id);
        clear.put("version", 0);
        clear.put("saidOn", null);
        JsonPath cleared = as(token, "updateStatement", "input", clear);
        assertThat(cleared.getList("data.updateStatement.userErrors"), empty());
        assertNull(cleared.get("data.updateStatement.statement.saidOn"));
        assertEquals("a foreign ministry spokesperson", cleared.getString("data.updateStatement.statement.speakerLabel"));
        assertEquals(1, cleared.getInt("data.updateStatement.statement.version"));
        assertEquals(2, Database.count(changes, Ids.dbId(id)));

        // the same again with the kind it has: no change
        clear.put("version", 1);
        clear.put("kind", "DENIAL");
        assertEquals(1, as(token, "updateStatement", "input", clear).getInt("data.updateStatement.statement.version"));
        assertEquals(2, Database.count(changes, Ids.dbId(id)));

        // text cannot be cleared; the label can, since the statement has a speaker
        Map<String, Object> noText = new HashMap<>();
        noText.put("id", id);
        noText.put("version", 1);
        noText.put("text", null);
        JsonPath refused = as(token, "updateStatement", "input", noText);
        assertEquals("INVALID", refused.getString("data.updateStatement.userErrors[0].code"));
        assertEquals(List.of("input", "text"), refused.getList("data.updateStatement.userErrors[0].field"));
        Map<String, Object> noLabel = new HashMap<>();
        noLabel.put("id", id);
        noLabel.put("version", 1);
        noLabel.put("speakerLabel", null);
        JsonPath unlabelled = as(token, "updateStatement", "input", noLabel);
        assertNull(unlabelled.get("data.updateStatement.statement.speakerLabel"));
        assertEquals(2, unlabelled.getInt("data.updateStatement.statement.version"));

        // an anonymous statement keeps the label that is all it says about its speaker
        Map<String, Object> anonymous = denial();
        anonymous.remove("speaker");
        anonymous.put("speakerLabel", "a senior official");
        String anonymousId = record(anonymous).getString("data.recordStatement.statement.id");
        Map<String, Object> clearLabel = new HashMap<>();
        clearLabel.put("id", anonymousId);
        clearLabel.put("version", 0);
        clearLabel.put("speakerLabel", null);
        JsonPath kept = as(token, "updateStatement", "input", clearLabel);
        assertEquals(List.of("input", "speakerLabel"), kept.getList("data.updateStatement.userErrors[0].field"));
        assertEquals(0, TestRows.version("statement", anonymousId));
    }
}
