package org.parley.encounter;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.parley.testsupport.GraphQL.as;

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

/**
 * updateEncounter's {@code participants}: a later article names who else was in the room, or corrects a role; the
 * list given replaces the stored one, at the encounter's version, with a change entry.
 */
@QuarkusTest
class EncounterParticipantsTest {

    private static final String CHANGES = "select operation from change_log where node_type = 'Encounter'"
            + " and node_id = ? order by id";

    @AfterAll
    static void removeWhatTheTestsCreated() {
        TestRows.removeAll();
    }

    private static Map<String, Object> participant(String actorSlug, String role) {
        return Map.of("actor", Ids.bySlug("Actor", actorSlug), "role", role);
    }

    /** Talks first reported with two principals. */
    private static String talks() throws Exception {
        Map<String, Object> input = new HashMap<>();
        input.put("kind", "MEETING");
        input.put("title", TestRows.unique("talks"));
        input.put("status", "HELD");
        input.put("start", Map.of("date", "2025-10-27", "precision", "DAY"));
        input.put("participants", List.of(participant("sergey-lavrov", "HOST"), participant("choe-son-hui", "GUEST")));
        input.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", "nishadil-2025-10-28"),
                "excerpt", "zz test excerpt")));
        JsonPath body = as(DevTokens.editor(), "recordEncounter", "input", input);
        assertThat(body.getList("data.recordEncounter.userErrors"), empty());
        return body.getString("data.recordEncounter.encounter.id");
    }

    private static JsonPath update(String id, int version, Object participants) throws Exception {
        Map<String, Object> input = new HashMap<>();
        input.put("id", id);
        input.put("version", version);
        input.put("participants", participants);
        return as(DevTokens.editor(), "updateParticipants", "input", input);
    }

    @Test
    void aLaterArticleAddsAParticipantAndCorrectsARole() throws Exception {
        String id = talks();
        long dbId = Ids.dbId(id);

        // a later article: Putin received the delegation and was the host; Lavrov led the talks themselves
        Map<String, Object> withNote = new HashMap<>(participant("sergey-lavrov", "PRINCIPAL"));
        withNote.put("note", "led the Russian side of the talks");
        List<Object> corrected = List.of(participant("vladimir-putin", "HOST"), withNote,
                participant("choe-son-hui", "GUEST"));
        JsonPath changed = update(id, 0, corrected);
        assertThat(changed.getList("data.updateEncounter.userErrors"), empty());
        assertEquals(List.of("Vladimir Putin", "Sergey Lavrov", "Choe Son Hui"),
                changed.getList("data.updateEncounter.encounter.participants.actor.name"));
        assertEquals(List.of("HOST", "PRINCIPAL", "GUEST"),
                changed.getList("data.updateEncounter.encounter.participants.role"));
        assertEquals("led the Russian side of the talks",
                changed.getString("data.updateEncounter.encounter.participants[1].note"));
        assertEquals(1, changed.getInt("data.updateEncounter.encounter.version"));
        assertEquals(List.of("recordEncounter", "updateEncounter"), Database.column(CHANGES, dbId));
        // the actor's side sees it: Putin's encounters now hold the talks
        assertEquals(1, Database.count("select count(*) from participant where encounter_id = ? and actor_id = ?",
                dbId, Ids.dbId(Ids.bySlug("Actor", "vladimir-putin"))));

        // the same list again: no change, no version, no entry
        JsonPath same = update(id, 1, corrected);
        assertThat(same.getList("data.updateEncounter.userErrors"), empty());
        assertEquals(1, same.getInt("data.updateEncounter.encounter.version"));
        assertEquals(2, Database.column(CHANGES, dbId).size());

        // based on the version read before: CONFLICT
        JsonPath stale = update(id, 0, List.of(participant("vladimir-putin", "HOST")));
        assertEquals("CONFLICT", stale.getString("data.updateEncounter.userErrors[0].code"));

        // a participant removed: the list without it
        JsonPath removed = update(id, 1, List.of(participant("vladimir-putin", "HOST"),
                participant("choe-son-hui", "GUEST")));
        assertEquals(List.of("Vladimir Putin", "Choe Son Hui"),
                removed.getList("data.updateEncounter.encounter.participants.actor.name"));
        assertEquals(2, removed.getInt("data.updateEncounter.encounter.version"));
    }

    @Test
    void refusesAnEmptyListARepeatedActorAndIdsOfOtherKindsChangingNothing() throws Exception {
        String id = talks();
        assertRefused(update(id, 0, List.of()), "INVALID", List.of("input", "participants"));
        assertRefused(update(id, 0, null), "INVALID", List.of("input", "participants"));
        assertRefused(update(id, 0, List.of(participant("choe-son-hui", "GUEST"), participant("choe-son-hui", "HOST"))),
                "INVALID", List.of("input", "participants", "1", "actor"));
        assertRefused(update(id, 0, List.of(participant("choe-son-hui", "GUEST"),
                Map.of("actor", Ids.bySlug("Encounter", "six-party-talks"), "role", "HOST"))), "NOT_FOUND",
                List.of("input", "participants", "1", "actor"));
        assertRefused(update(id, 0, List.of(Map.of("actor", Ids.of("Actor", 99999999), "role", "HOST"))),
                "NOT_FOUND", List.of("input", "participants", "0", "actor"));
        assertEquals(0, TestRows.version("encounter", id));
        assertEquals(List.of("Sergey Lavrov", "Choe Son Hui"), GraphQL.data("encounterDetail", "id", id)
                .getList("data.node.participants.actor.name"));
    }

    private static void assertRefused(JsonPath answer, String code, List<String> field) {
        assertEquals(code, answer.getString("data.updateEncounter.userErrors[0].code"), answer.prettify());
        assertEquals(field, answer.getList("data.updateEncounter.userErrors[0].field"));
        assertNull(answer.get("data.updateEncounter.encounter"));
    }
}
