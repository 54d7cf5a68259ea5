package org.parley.encounter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.parley.testsupport.GraphQL.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** An editor records a state visit and the treaty signing within it: `partOf` and `parts`, both ways, no cycles. */
@QuarkusTest
class EncounterPartsTest {

    @AfterAll
    static void removeWhatTheTestsCreated() {
        TestRows.removeAll();
    }

    private static String editor() throws Exception {
        return DevTokens.mint("test-editor", 600, "editor");
    }

    private static Map<String, Object> encounter(String kind, String title, String date) {
        Map<String, Object> input = new HashMap<>();
        input.put("kind", kind);
        input.put("title", TestRows.unique(title));
        input.put("status", "HELD");
        input.put("start", Map.of("date", date, "precision", "DAY"));
        input.put("place", Map.of("name", "Pyongyang", "country", Ids.bySlug("Actor", "north-korea")));
        input.put("participants", List.of(
                Map.of("actor", Ids.bySlug("Actor", "kim-jong-un"), "role", "HOST"),
                Map.of("actor", Ids.bySlug("Actor", "vladimir-putin"), "role", "GUEST")));
        input.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", "nextshark-kim-putin-summit"),
                "excerpt", "Zz test excerpt")));
        return input;
    }

    private static JsonPath record(Map<String, Object> input) throws Exception {
        JsonPath body = as(editor(), "recordEncounterLinked", "input", input);
        assertEquals(List.of(), body.getList("data.recordEncounter.userErrors"), body.prettify());
        return body;
    }

    private static JsonPath move(String id, int version, Object partOf) throws Exception {
        Map<String, Object> input = new HashMap<>();
        input.put("id", id);
        input.put("version", version);
        input.put("partOf", partOf); // null given: clears
        return as(editor(), "moveEncounter", "input", input);
    }

    @Test
    void aSigningWithinAStateVisitReadsBothWaysAndCannotContainTheVisit() throws Exception {
        Map<String, Object> visitInput = encounter("VISIT", "Putin state visit to Pyongyang", "2024-06-18");
        String visit = record(visitInput).getString("data.recordEncounter.encounter.id");
        Map<String, Object> signingInput = encounter("MEETING", "Signing of the partnership treaty", "2024-06-19");
        signingInput.put("partOf", visit);
        JsonPath signing = record(signingInput);
        String signingId = signing.getString("data.recordEncounter.encounter.id");
        assertEquals(visit, signing.getString("data.recordEncounter.encounter.partOf.id"));
        Map<String, Object> talksInput = encounter("TALKS", "One-on-one talks", "2024-06-19");
        talksInput.put("partOf", visit);
        record(talksInput);

        JsonPath parts = GraphQL.data("encounterParts", "id", visit);
        assertEquals(List.of(signingInput.get("title"), talksInput.get("title")), parts.getList("data.node.parts.title"));
        assertEquals(List.of(visitInput.get("title"), visitInput.get("title")),
                parts.getList("data.node.parts.partOf.title"));
        assertNull(parts.get("data.node.partOf"));
        // bounded like the other lists
        assertEquals(1, GraphQL.data("encounterParts", "id", visit, "first", 1).getList("data.node.parts").size());

        // the visit inside its own signing, or inside itself: refused, nothing changed
        JsonPath cycle = move(visit, 0, signingId);
        assertNull(cycle.get("data.updateEncounter.encounter"));
        assertEquals("INVALID", cycle.getString("data.updateEncounter.userErrors[0].code"));
        assertEquals(List.of("input", "partOf"), cycle.getList("data.updateEncounter.userErrors[0].field"));
        assertEquals("INVALID", move(visit, 0, visit).getString("data.updateEncounter.userErrors[0].code"));
        JsonPath unknown = move(visit, 0, Ids.of("Encounter", 99999999));
        assertEquals("NOT_FOUND", unknown.getString("data.updateEncounter.userErrors[0].code"));
        assertNull(GraphQL.data("encounterParts", "id", visit).get("data.node.partOf"));

        // an explicit null makes the signing stand alone; leaving partOf out keeps it
        int version = TestRows.version("encounter", signingId);
        JsonPath detached = move(signingId, version, null);
        assertEquals(List.of(), detached.getList("data.updateEncounter.userErrors"));
        assertNull(detached.get("data.updateEncounter.encounter.partOf"));
        assertEquals(List.of(talksInput.get("title")),
                GraphQL.data("encounterParts", "id", visit).getList("data.node.parts.title"));
    }

    @Test
    void aPartCannotBeDeletedAwayFromUnderItsParentWhileItHasParts() throws Exception {
        String visit = record(encounter("VISIT", "Visit with a part", "2024-06-18"))
                .getString("data.recordEncounter.encounter.id");
        Map<String, Object> part = encounter("MEETING", "Part of the visit", "2024-06-19");
        part.put("partOf", visit);
        record(part);
        JsonPath refused = as(DevTokens.mint("test-admin", 600, "admin"), "deleteEncounter", "input",
                Map.of("id", visit, "version", 0));
        assertEquals("IN_USE", refused.getString("data.deleteEncounter.userErrors[0].code"), refused.prettify());
    }
}
