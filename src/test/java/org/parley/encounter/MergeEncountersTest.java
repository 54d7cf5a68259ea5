package org.parley.encounter;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.parley.testsupport.GraphQL.as;
import static org.parley.testsupport.GraphQL.operation;
import static org.parley.testsupport.GraphQL.post;
import static org.parley.testsupport.GraphQL.vars;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** mergeEncounters: two records of one meeting become one, nothing they carried is lost, and the old ID resolves. */
@QuarkusTest
class MergeEncountersTest {

    private static final String MONEYCONTROL = "moneycontrol-2018-06-01";
    private static final String UNATTRIBUTED = "unattributed-2018-05-31";

    @AfterAll
    static void removeWhatTheTestsCreated() {
        TestRows.removeAll();
    }

    private static String encounter(String title, Map<String, String> participantRoles, String summary,
            Map<String, String> excerptsBySource) throws Exception {
        Map<String, Object> input = new HashMap<>();
        input.put("kind", "MEETING");
        input.put("title", title);
        input.put("status", "HELD");
        if (summary != null) {
            input.put("summary", summary);
            input.put("start", Map.of("date", "2018-05-31", "precision", "DAY"));
            input.put("place", Map.of("name", "Kumsusan Palace"));
        }
        input.put("participants", participantRoles.entrySet().stream()
                .map(e -> Map.of("actor", e.getKey(), "role", e.getValue())).toList());
        input.put("attestations", excerptsBySource.entrySet().stream()
                .map(e -> Map.of("source", Ids.bySlug("Source", e.getKey()), "excerpt", e.getValue())).toList());
        JsonPath body = as(DevTokens.editor(), "recordEncounter", "input", input);
        assertThat(body.getList("data.recordEncounter.userErrors"), empty());
        return body.getString("data.recordEncounter.encounter.id");
    }

    private static JsonPath merge(String token, String keep, String merge) throws Exception {
        return as(token, "mergeEncounters", "input", Map.of("keep", keep,
                "keepVersion", TestRows.version("encounter", keep), "merge", merge,
                "mergeVersion", TestRows.version("encounter", merge)));
    }

    @Test
    void everythingMovesToTheKeptRecordAndTheMergedIdResolvesToIt() throws Exception {
        String kim = Ids.bySlug("Actor", "kim-jong-un");
        String lavrov = Ids.bySlug("Actor", "sergey-lavrov");
        String putin = Ids.bySlug("Actor", "vladimir-putin");
        // the older record: dated, placed, two participants, one source
        String keep = encounter(TestRows.unique("Lavrov meets Kim"), Map.of(kim, "HOST", lavrov, "GUEST"), null,
                Map.of(MONEYCONTROL, "Zz Test kept excerpt"));
        // the newer: a summary, date and place the older lacks, one more participant, a source of its own and the
        // same source with other words
        String merged = encounter(TestRows.unique("Kim receives Lavrov"), Map.of(kim, "HOST", putin, "ATTENDEE"),
                "Zz Test summary", Map.of(MONEYCONTROL, "Zz Test other excerpt", UNATTRIBUTED, "Zz Test second source"));
        long mergedDb = Ids.dbId(merged);
        Database.execute("insert into encounter (slug, kind, title, status, part_of_id) values"
                + " ('zz-test-part-' || ?, 'MEETING', 'Zz Test one-on-one', 'HELD', ?)", mergedDb, mergedDb);
        String part = Ids.of("Encounter", ((Number) Database.column(
                "select id from encounter where part_of_id = ?", mergedDb).get(0)).longValue());
        Database.execute("insert into statement (slug, text, mode, kind, position, speaker_label, encounter_id)"
                + " values ('zz-test-said-' || ?, 'Zz Test said there', 'PARAPHRASE', 'CLAIM', 0, 'Zz Test', ?)",
                mergedDb, mergedDb);
        String said = Ids.of("Statement", ((Number) Database.column(
                "select id from statement where encounter_id = ?", mergedDb).get(0)).longValue());

        JsonPath body = merge(DevTokens.admin(), keep, merged);
        assertThat(body.getList("data.mergeEncounters.userErrors"), empty());
        String at = "data.mergeEncounters.encounter.";
        assertEquals(keep, body.getString(at + "id"));
        // gaps filled from the duplicate
        assertEquals("Zz Test summary", body.getString(at + "summary"));
        assertEquals("2018-05-31", body.getString(at + "start.date"));
        assertEquals("Kumsusan Palace", body.getString(at + "place.name"));
        // participants: the union, the kept role where both had the actor
        assertThat(body.getList(at + "participants.actor.id"), containsInAnyOrder(kim, lavrov, putin));
        // every attestation: the second source moved, the same source's other words are in the note
        assertThat(body.getList(at + "attestations.excerpt"),
                containsInAnyOrder("Zz Test kept excerpt", "Zz Test second source"));
        assertThat(body.getString(at + "attestations.find { it.excerpt == 'Zz Test kept excerpt' }.note"),
                containsString("Zz Test other excerpt"));
        assertEquals(2, body.getList(at + "statusHistory").size());
        assertThat(body.getList(at + "statements.id"), hasItem(said));
        assertThat(body.getList(at + "parts.id"), hasItem(part));

        // the merged ID resolves to the kept encounter; the tombstone names it
        JsonPath node = post("query($id: ID!) { node(id: $id) { id } }", vars("id", merged)).statusCode(200)
                .extract().jsonPath();
        assertEquals(keep, node.getString("data.node.id"));
        assertEquals(Ids.dbId(keep), ((Number) Database.column("select merged_into_id from encounter where id = ?",
                mergedDb).get(0)).longValue());
        JsonPath tombstones = post("{ tombstones(first: 100) { nodes { id mergedIntoId } } }", Map.of())
                .statusCode(200).extract().jsonPath();
        assertEquals(keep, tombstones.getString("data.tombstones.nodes.find { it.id == '" + merged + "' }.mergedIntoId"));
        assertEquals(0, Database.count("select count(*) from attestation where encounter_id = ?", mergedDb));
        assertEquals(0, Database.count("select count(*) from participant where encounter_id = ?", mergedDb));
    }

    @Test
    void refusesStaleVersionsNestedRecordsAndEditors() throws Exception {
        String kim = Ids.bySlug("Actor", "kim-jong-un");
        String one = encounter(TestRows.unique("Talks"), Map.of(kim, "HOST"), null, Map.of(MONEYCONTROL, "Zz Test a"));
        String two = encounter(TestRows.unique("Talks again"), Map.of(kim, "HOST"), null,
                Map.of(MONEYCONTROL, "Zz Test b"));

        JsonPath stale = as(DevTokens.admin(), "mergeEncounters", "input", Map.of("keep", one,
                "keepVersion", TestRows.version("encounter", one) - 1, "merge", two,
                "mergeVersion", TestRows.version("encounter", two)));
        assertEquals("CONFLICT", stale.getString("data.mergeEncounters.userErrors[0].code"));

        JsonPath itself = merge(DevTokens.admin(), one, one);
        assertEquals("INVALID", itself.getString("data.mergeEncounters.userErrors[0].code"));

        Database.execute("update encounter set part_of_id = ? where id = ?", Ids.dbId(one), Ids.dbId(two));
        JsonPath nested = merge(DevTokens.admin(), one, two);
        assertEquals("INVALID", nested.getString("data.mergeEncounters.userErrors[0].code"));
        assertThat(nested.getString("data.mergeEncounters.userErrors[0].message"), containsString("part of"));
        assertNull(Database.column("select deleted_at from encounter where id = ?", Ids.dbId(two)).get(0));

        Database.execute("update encounter set part_of_id = null where id = ?", Ids.dbId(two));
        JsonPath editor = post(operation("mergeEncounters"), vars("input", Map.of("keep", one,
                "keepVersion", TestRows.version("encounter", one), "merge", two,
                "mergeVersion", TestRows.version("encounter", two))), DevTokens.editor())
                .statusCode(200).extract().jsonPath();
        assertEquals("FORBIDDEN", editor.getString("errors[0].extensions.code"));
        assertNull(Database.column("select deleted_at from encounter where id = ?", Ids.dbId(two)).get(0));
    }
}
