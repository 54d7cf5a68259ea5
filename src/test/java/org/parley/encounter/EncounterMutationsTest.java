package org.parley.encounter;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** recordEncounter, setEncounterStatus, attest, removeAttestation: success, user errors, history. */
@QuarkusTest
class EncounterMutationsTest {

    private static final String MONEYCONTROL = "moneycontrol-2018-06-01";
    private static final String NEXTSHARK = "nextshark-kim-putin-summit";

    @AfterAll
    static void removeWhatTheTestsCreated() {
        TestRows.removeAll();
    }

    private static String editor() throws Exception {
        return DevTokens.mint("test-editor", 600, "editor");
    }

    private static Map<String, Object> meeting() {
        Map<String, Object> input = new HashMap<>();
        input.put("kind", "MEETING");
        input.put("title", "Zz Test meeting " + UUID.randomUUID().toString().substring(0, 8));
        input.put("status", "PLANNED");
        input.put("start", Map.of("date", "2026-05-17", "precision", "MONTH"));
        input.put("place", Map.of("name", "Khabarovsk", "country", Ids.bySlug("Actor", "russia"),
                "latitude", 48.48, "longitude", 135.08));
        input.put("participants", List.of(
                Map.of("actor", Ids.bySlug("Actor", "kim-jong-un"), "role", "GUEST"),
                Map.of("actor", Ids.bySlug("Actor", "vladimir-putin"), "role", "HOST")));
        input.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", MONEYCONTROL),
                "excerpt", "test excerpt", "reportedDate", Map.of("date", "2026-05-01", "precision", "MONTH"))));
        return input;
    }

    private static JsonPath record(Map<String, Object> input) throws Exception {
        return as(editor(), "recordEncounter", "input", input);
    }

    @Test
    void aDateRangeFindsAnEncounterThatBeganLongBeforeItAndNotOneThatEndedBeforeIt() throws Exception {
        // the range's start-date bound (EncounterRepository) comes from the encounters running on `from`: talks
        // that began a year earlier must set it, not be cut off by it
        Map<String, Object> longTalks = meeting();
        longTalks.put("status", "HELD");
        longTalks.put("start", Map.of("date", "2017-03-01", "precision", "DAY"));
        longTalks.put("end", Map.of("date", "2019-12-31", "precision", "DAY"));
        Map<String, Object> endedBefore = meeting();
        endedBefore.put("status", "HELD");
        endedBefore.put("start", Map.of("date", "2018-05-01", "precision", "DAY"));
        endedBefore.put("end", Map.of("date", "2018-05-14", "precision", "DAY"));
        assertThat(record(longTalks).getList("data.recordEncounter.userErrors"), empty());
        assertThat(record(endedBefore).getList("data.recordEncounter.userErrors"), empty());

        List<Object> titles = GraphQL.data("encounters", "filter", Map.of("from", "2018-05-15", "to", "2018-06-30"),
                "first", 100).getList("data.encounters.nodes.title");
        assertThat(titles, hasItem(longTalks.get("title")));
        assertThat(titles, not(hasItem(endedBefore.get("title"))));
        assertEquals(Database.column("select title from encounter where deleted_at is null"
                + " and start_date <= date '2018-06-30' and coalesce(end_until, start_until) >= date '2018-05-15'"
                + " order by start_earliest, id"), titles);
    }

    @Test
    void recordsAnEncounterWithParticipantsPlaceAttestationAndFirstHistoryStep() throws Exception {
        JsonPath body = record(meeting());
        assertThat(body.getList("data.recordEncounter.userErrors"), empty());
        assertEquals(List.of("HOST", "GUEST"), body.getList("data.recordEncounter.encounter.participants.role"));
        assertEquals("Vladimir Putin", body.getString("data.recordEncounter.encounter.participants[0].actor.name"));
        // a day given with MONTH precision is stored as the month
        assertEquals(Map.of("date", "2026-05-01", "precision", "MONTH"), body.getMap("data.recordEncounter.encounter.start"));
        assertEquals("Russia", body.getString("data.recordEncounter.encounter.place.country.name"));
        assertEquals(List.of(Ids.bySlug("Source", MONEYCONTROL)),
                body.getList("data.recordEncounter.encounter.attestations.source.id"));
        assertEquals(List.of("PLANNED"), body.getList("data.recordEncounter.encounter.statusHistory.status"));
    }

    @Test
    void refusesEncountersWithoutSourceOrWithBadValuesAndWritesNothing() throws Exception {
        long before = Database.count("select count(*) from encounter");
        Map<String, Object> unsourced = meeting();
        unsourced.put("attestations", List.of());
        assertRefused(unsourced, "INVALID", List.of("input", "attestations"));
        Map<String, Object> unknownActor = meeting();
        unknownActor.put("participants", List.of(Map.of("actor", Ids.of("Actor", 99999999), "role", "HOST")));
        assertRefused(unknownActor, "NOT_FOUND", List.of("input", "participants", "0", "actor"));
        Map<String, Object> backwards = meeting();
        backwards.put("end", Map.of("date", "2025-01-01", "precision", "DAY"));
        assertRefused(backwards, "INVALID", List.of("input", "end"));
        Map<String, Object> offTheMap = meeting();
        offTheMap.put("place", Map.of("name", "Nowhere", "latitude", 95.0, "longitude", 10.0));
        assertRefused(offTheMap, "INVALID", List.of("input", "place", "latitude"));
        Map<String, Object> halfCoordinates = meeting();
        halfCoordinates.put("place", Map.of("name", "Somewhere", "latitude", 45.0));
        assertRefused(halfCoordinates, "INVALID", List.of("input", "place"));
        Map<String, Object> twice = meeting();
        twice.put("participants", List.of(Map.of("actor", Ids.bySlug("Actor", "kim-jong-un"), "role", "HOST"),
                Map.of("actor", Ids.bySlug("Actor", "kim-jong-un"), "role", "GUEST")));
        assertRefused(twice, "INVALID", List.of("input", "participants", "1", "actor"));
        assertEquals(before, Database.count("select count(*) from encounter"));
    }

    /** A problem in a list's second row is reported at that row: the Explorer's forms show it there. */
    @Test
    void namesTheRowOfAListInputAtFault() throws Exception {
        Map<String, Object> blankExcerpt = meeting();
        blankExcerpt.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", MONEYCONTROL), "excerpt", "test excerpt"),
                Map.of("source", Ids.bySlug("Source", NEXTSHARK), "excerpt", " ")));
        assertRefused(blankExcerpt, "INVALID", List.of("input", "attestations", "1", "excerpt"));
        Map<String, Object> longNote = meeting();
        longNote.put("participants", List.of(Map.of("actor", Ids.bySlug("Actor", "kim-jong-un"), "role", "GUEST"),
                Map.of("actor", Ids.bySlug("Actor", "vladimir-putin"), "role", "HOST", "note", "x".repeat(1001))));
        assertRefused(longNote, "INVALID", List.of("input", "participants", "1", "note"));
        Map<String, Object> sourceTwice = meeting();
        sourceTwice.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", MONEYCONTROL), "excerpt", "one"),
                Map.of("source", Ids.bySlug("Source", NEXTSHARK), "excerpt", "two"),
                Map.of("source", Ids.bySlug("Source", MONEYCONTROL), "excerpt", "three")));
        assertRefused(sourceTwice, "INVALID", List.of("input", "attestations", "2", "source"));
    }

    private static void assertRefused(Map<String, Object> input, String code, List<String> field) throws Exception {
        JsonPath body = record(input);
        assertNull(body.get("data.recordEncounter.encounter"));
        assertEquals(code, body.getString("data.recordEncounter.userErrors[0].code"), body.prettify());
        assertEquals(field, body.getList("data.recordEncounter.userErrors[0].field"));
    }

    @Test
    void aSummitPlannedThenCancelledThenHeldKeepsItsHistory() throws Exception {
        String id = record(meeting()).getString("data.recordEncounter.encounter.id");
        String source = Ids.bySlug("Source", NEXTSHARK);
        JsonPath cancelled = as(editor(), "setEncounterStatus", "input", Map.of("encounter", id, "version", 0,
                "status", "CANCELLED", "source", source, "note", "called off",
                "effective", Map.of("date", "2026-05-20", "precision", "DAY")));
        assertThat(cancelled.getList("data.setEncounterStatus.userErrors"), empty());
        assertEquals(1, cancelled.getInt("data.setEncounterStatus.encounter.version"));
        JsonPath held = as(editor(), "setEncounterStatus", "input", Map.of("encounter", id, "version", 1, "status", "HELD"));
        assertEquals("HELD", held.getString("data.setEncounterStatus.encounter.status"));
        assertEquals(List.of("PLANNED", "CANCELLED", "HELD"),
                held.getList("data.setEncounterStatus.encounter.statusHistory.status"));
        assertEquals(source, held.getString("data.setEncounterStatus.encounter.statusHistory[1].source.id"));
        assertEquals("called off", held.getString("data.setEncounterStatus.encounter.statusHistory[1].note"));
        JsonPath stale = as(editor(), "setEncounterStatus", "input", Map.of("encounter", id, "version", 1, "status", "POSTPONED"));
        assertEquals("CONFLICT", stale.getString("data.setEncounterStatus.userErrors[0].code"));
        // the refused change added no step
        long dbId = Long.parseLong(new String(java.util.Base64.getUrlDecoder().decode(id)).split(":")[1]);
        assertEquals(3, Database.count("select count(*) from encounter_status_change where encounter_id = ?", dbId));
    }

    @Test
    void aBackdatedPlannedStepEnteredAfterTheMeetingWasHeldIsHistoryNotTheCurrentStatus() throws Exception {
        // Putin in Pyongyang: recorded as held on 2024-06-19; later the editor learns it was announced on
        // 2024-01-16 and adds that PLANNED step, entered last but effective first
        Map<String, Object> visit = meeting();
        visit.put("status", "HELD");
        visit.put("start", Map.of("date", "2024-06-19", "precision", "DAY"));
        String id = record(visit).getString("data.recordEncounter.encounter.id");
        JsonPath planned = as(editor(), "setEncounterStatus", "input", Map.of("encounter", id, "version", 0,
                "status", "PLANNED", "source", Ids.bySlug("Source", NEXTSHARK), "note", "announced in Moscow",
                "effective", Map.of("date", "2024-01-16", "precision", "DAY")));
        assertThat(planned.getList("data.setEncounterStatus.userErrors"), empty());
        assertEquals("HELD", planned.getString("data.setEncounterStatus.encounter.status"));
        assertEquals(List.of("PLANNED", "HELD"), planned.getList("data.setEncounterStatus.encounter.statusHistory.status"));
        assertEquals(List.of("2024-01-16", "2024-06-19"),
                planned.getList("data.setEncounterStatus.encounter.statusHistory.effective.date"));
        // the list of encounters filtered by status agrees with the encounter's own field
        assertThat(GraphQL.data("encounters", "filter", Map.of("status", "PLANNED", "from", "2024-06-19",
                "to", "2024-06-19"), "first", 100).getList("data.encounters.nodes.title"), not(hasItem(visit.get("title"))));

        // a step on the same day as the latest one, entered later, is the current status (ties: entry order)
        JsonPath postponed = as(editor(), "setEncounterStatus", "input", Map.of("encounter", id, "version", 1,
                "status", "POSTPONED", "effective", Map.of("date", "2024-06-19", "precision", "DAY")));
        assertEquals("POSTPONED", postponed.getString("data.setEncounterStatus.encounter.status"));
        assertEquals(List.of("PLANNED", "HELD", "POSTPONED"),
                postponed.getList("data.setEncounterStatus.encounter.statusHistory.status"));
    }

    @Test
    void attestationsCanBeAddedAndWithdrawnButNeverTheLastOne() throws Exception {
        String id = record(meeting()).getString("data.recordEncounter.encounter.id");
        String second = Ids.bySlug("Source", NEXTSHARK);
        JsonPath attested = as(editor(), "attest", "input", Map.of("source", second, "encounter", id,
                "excerpt", "another excerpt", "reportedDate", Map.of("date", "2026-05-18", "precision", "DAY")));
        assertThat(attested.getList("data.attest.userErrors"), empty());
        assertEquals(id, attested.getString("data.attest.attestation.encounter.id"));
        assertEquals("TAKEN", as(editor(), "attest", "input", Map.of("source", second, "encounter", id,
                "excerpt", "again")).getString("data.attest.userErrors[0].code"));
        assertEquals("INVALID", as(editor(), "attest", "input", Map.of("source", second, "excerpt", "of what?"))
                .getString("data.attest.userErrors[0].code"));

        JsonPath removed = as(editor(), "removeAttestation", "input", Map.of("source", second, "encounter", id));
        assertThat(removed.getList("data.removeAttestation.userErrors"), empty());
        assertThat(removed.getList("data.removeAttestation.encounter.sources.id"), contains(Ids.bySlug("Source", MONEYCONTROL)));
        JsonPath last = as(editor(), "removeAttestation", "input",
                Map.of("source", Ids.bySlug("Source", MONEYCONTROL), "encounter", id));
        assertEquals("LAST_ATTESTATION", last.getString("data.removeAttestation.userErrors[0].code"));
        assertThat(as(editor(), "removeAttestation", "input", Map.of("source", second, "encounter", id))
                .getList("data.removeAttestation.userErrors.code"), hasItem("NOT_FOUND"));
        // every encounter still has a source
        assertEquals(0, Database.count("select count(*) from encounter e where not exists"
                + " (select 1 from attestation a where a.encounter_id = e.id)"));
    }

    @Test
    void updatesAtTheCurrentVersionAndRefusesStaleOrInconsistentChanges() throws Exception {
        String id = record(meeting()).getString("data.recordEncounter.encounter.id");
        JsonPath updated = as(editor(), "updateEncounter", "input", Map.of("id", id, "version", 0,
                "title", "Zz Test renamed meeting " + UUID.randomUUID().toString().substring(0, 8),
                "end", Map.of("date", "2026-06-02", "precision", "DAY")));
        assertThat(updated.getList("data.updateEncounter.userErrors"), empty());
        assertEquals(1, updated.getInt("data.updateEncounter.encounter.version"));
        assertEquals(Map.of("date", "2026-06-02", "precision", "DAY"), updated.getMap("data.updateEncounter.encounter.end"));
        assertEquals("CONFLICT", as(editor(), "updateEncounter", "input", Map.of("id", id, "version", 0, "title", "stale"))
                .getString("data.updateEncounter.userErrors[0].code"));
        JsonPath backwards = as(editor(), "updateEncounter", "input", Map.of("id", id, "version", 1,
                "end", Map.of("date", "2020-01-01", "precision", "YEAR")));
        assertEquals(List.of("input", "end"), backwards.getList("data.updateEncounter.userErrors[0].field"));
        long dbId = Long.parseLong(new String(java.util.Base64.getUrlDecoder().decode(id)).split(":")[1]);
        assertEquals(1, Database.count("select version from encounter where id = ?", dbId), "refused changes left it at 1");
    }

    @Test
    void anEditorClearsWhatTheSourcesDoNotSupportAndANoOpWritesNothing() throws Exception {
        Map<String, Object> input = meeting();
        input.put("summary", "Talks in Khabarovsk, said a first report");
        input.put("end", Map.of("date", "2026-05-31", "precision", "MONTH"));
        String id = record(input).getString("data.recordEncounter.encounter.id");
        String changes = "select count(*) from change_log where node_type = 'Encounter' and node_id = ?";
        long before = Database.count(changes, Ids.dbId(id));

        // a later article says the place was never confirmed and gives no end: clear both; the summary stays
        Map<String, Object> clear = new HashMap<>();
        clear.put("id", id);
        clear.put("version", 0);
        clear.put("place", null);
        clear.put("end", null);
        JsonPath cleared = as(editor(), "updateEncounter", "input", clear);
        assertThat(cleared.getList("data.updateEncounter.userErrors"), empty());
        assertNull(cleared.get("data.updateEncounter.encounter.place"));
        assertNull(cleared.get("data.updateEncounter.encounter.end"));
        assertEquals(Map.of("date", "2026-05-01", "precision", "MONTH"), cleared.getMap("data.updateEncounter.encounter.start"));
        assertEquals("Talks in Khabarovsk, said a first report", cleared.getString("data.updateEncounter.encounter.summary"));
        assertEquals(1, cleared.getInt("data.updateEncounter.encounter.version"));
        assertEquals(before + 1, Database.count(changes, Ids.dbId(id)));

        // the same values again (a date given as another day of the same month): no change
        clear.put("version", 1);
        clear.put("start", Map.of("date", "2026-05-17", "precision", "MONTH"));
        clear.put("title", input.get("title"));
        JsonPath same = as(editor(), "updateEncounter", "input", clear);
        assertThat(same.getList("data.updateEncounter.userErrors"), empty());
        assertEquals(1, same.getInt("data.updateEncounter.encounter.version"));
        assertEquals(before + 1, Database.count(changes, Ids.dbId(id)));

        // the title cannot be cleared; the start cannot go while an end is there
        Map<String, Object> noTitle = new HashMap<>();
        noTitle.put("id", id);
        noTitle.put("version", 1);
        noTitle.put("title", null);
        JsonPath refused = as(editor(), "updateEncounter", "input", noTitle);
        assertEquals("INVALID", refused.getString("data.updateEncounter.userErrors[0].code"));
        assertEquals(List.of("input", "title"), refused.getList("data.updateEncounter.userErrors[0].field"));
        Map<String, Object> noStart = new HashMap<>();
        noStart.put("id", id);
        noStart.put("version", 1);
        noStart.put("end", Map.of("date", "2026-05-20", "precision", "DAY"));
        noStart.put("start", null);
        assertEquals(List.of("input", "end"), as(editor(), "updateEncounter", "input", noStart)
                .getList("data.updateEncounter.userErrors[0].field"));
        assertEquals(1, TestRows.version("encounter", id));

        // the summary cleared
        Map<String, Object> noSummary = new HashMap<>();
        noSummary.put("id", id);
        noSummary.put("version", 1);
        noSummary.put("summary", null);
        JsonPath bare = as(editor(), "updateEncounter", "input", noSummary);
        assertNull(bare.get("data.updateEncounter.encounter.summary"));
        assertEquals(2, bare.getInt("data.updateEncounter.encounter.version"));
    }

    @Test
    void aCoordinateThatOverflowsADoubleIsTheClientsError() throws Exception {
        String id = record(meeting()).getString("data.recordEncounter.encounter.id");
        String literal = "mutation { updateEncounter(input: {id: \"" + id + "\", version: 0, place: {name: \"Khabarovsk\","
                + " latitude: 1.8e309, longitude: 135.08}}) { userErrors { code } } }";
        JsonPath inline = GraphQL.post(literal, Map.of(), editor()).statusCode(200).extract().jsonPath();
        assertEquals("BAD_USER_INPUT", inline.getString("errors[0].extensions.code"));
        JsonPath variable = GraphQL.post("mutation($lat: Float) { updateEncounter(input: {id: \"" + id + "\", version: 0,"
                + " place: {name: \"Khabarovsk\", latitude: $lat, longitude: 1}}) { userErrors { code } } }",
                Map.of("lat", new java.math.BigDecimal("1.8e309")), editor()).statusCode(200).extract().jsonPath();
        assertEquals("BAD_USER_INPUT", variable.getString("errors[0].extensions.code"));
        assertEquals(0, TestRows.version("encounter", id));
    }
}
