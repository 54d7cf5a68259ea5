package org.parley.encounter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.testsupport.GraphQL.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** recordEncounter warns of the encounters already recorded that may be the same meeting, and refuses nothing. */
@QuarkusTest
class LikelyDuplicatesTest {

    @AfterAll
    static void removeWhatTheTestsCreated() {
        TestRows.removeAll();
    }

    private static Map<String, Object> summit(String place, String date, String precision, String... actors) {
        Map<String, Object> input = new HashMap<>();
        input.put("kind", "SUMMIT");
        input.put("title", TestRows.unique("summit in " + place));
        input.put("status", "HELD");
        input.put("start", Map.of("date", date, "precision", precision));
        input.put("place", Map.of("name", place));
        input.put("participants", java.util.Arrays.stream(actors)
                .map(actor -> Map.of("actor", Ids.bySlug("Actor", actor), "role", "PRINCIPAL")).toList());
        input.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", "nextshark-kim-putin-summit"),
                "excerpt", "Zz test excerpt")));
        return input;
    }

    private static JsonPath record(Map<String, Object> input) throws Exception {
        JsonPath body = as(DevTokens.mint("test-editor", 600, "editor"), "recordEncounterWarned", "input", input);
        assertEquals(List.of(), body.getList("data.recordEncounter.userErrors"), body.prettify());
        return body;
    }

    @Test
    void aSecondVladivostokSummitIsAcceptedWithTheFirstAsLikelyDuplicate() throws Exception {
        // far from the curated data's dates, so that only this test's encounters can match
        Map<String, Object> first = summit("Zz Vladivostok", "2031-04-25", "DAY", "vladimir-putin", "kim-jong-un");
        JsonPath recorded = record(first);
        assertEquals(List.of(), recorded.getList("data.recordEncounter.likelyDuplicates"));
        String firstId = recorded.getString("data.recordEncounter.encounter.id");

        // the same summit from another article: known only to the month, the place spelt otherwise
        JsonPath second = record(summit("Russky Island", "2031-04-01", "MONTH", "kim-jong-un", "vladimir-putin"));
        assertEquals(List.of(firstId), second.getList("data.recordEncounter.likelyDuplicates.id"));
        assertEquals(List.of(first.get("title")), second.getList("data.recordEncounter.likelyDuplicates.title"));

        // same place and days, other people: still worth a look; a day later with one participant in common: not
        JsonPath samePlace = record(summit("ZZ VLADIVOSTOK", "2031-04-25", "DAY", "sergey-lavrov"));
        assertEquals(firstId, samePlace.getString("data.recordEncounter.likelyDuplicates[0].id"));
        JsonPath other = record(summit("Zz Pyongyang", "2031-05-03", "DAY", "vladimir-putin", "sergey-lavrov"));
        assertEquals(List.of(), other.getList("data.recordEncounter.likelyDuplicates"));
    }
}
