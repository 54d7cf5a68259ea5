package org.parley.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testsupport.GraphQL.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.TestRows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 14's proof, as an editor works: only queries and mutations, IDs found by name and by date as a person finds
 * them. The Kremlin meeting of 16 January 2024 ("on Tuesday" in a report of Wednesday), Lavrov's statement about the
 * Vostochny summit, Putin's invitation that creates the planned Moscow visit, Peskov on that visit, the visit held,
 * then a step entered late but effective earlier: the history reads in effective order, links resolve both ways.
 */
@QuarkusTest
class NewsroomStoryTest {

    @AfterAll
    static void removeWhatTheTestsCreated() {
        TestRows.removeAll();
    }

    private static String actor(String name) {
        String id = GraphQL.data("actorByName", "name", name).getString("data.actor.id");
        assertTrue(id != null, name + " is in the data set");
        return id;
    }

    private static Map<String, Object> day(String date) {
        return new HashMap<>(Map.of("date", date, "precision", "DAY"));
    }

    private static Map<String, Object> attestedBy(String source, String excerpt) {
        return Map.of("source", source, "excerpt", "Zz test: " + excerpt);
    }

    private static Map<String, Object> statement(String speaker, String kind, String text, Map<String, Object> saidOn,
            String source) {
        Map<String, Object> input = new HashMap<>();
        input.put("text", "Zz Test: " + text);
        input.put("mode", "VERBATIM");
        input.put("kind", kind);
        input.put("speaker", speaker);
        input.put("saidOn", saidOn);
        input.put("attestations", List.of(attestedBy(source, text)));
        return input;
    }

    private static JsonPath node(String id) {
        return GraphQL.data("newsroomStory", "id", id);
    }

    @Test
    void theJanuary2024StoryReadsInEffectiveOrderAndItsLinksResolveBothWays() throws Exception {
        String editor = DevTokens.mint("test-editor", 600, "editor");
        String putin = actor("Vladimir Putin");
        String kim = actor("Kim Jong Un");
        String choe = actor("Choe Son Hui");
        String russia = actor("Russia");

        // the report the editor works from, dated the day after the meeting
        JsonPath added = as(editor, "addSource", "input", Map.of("title", TestRows.unique("Putin receives Choe"),
                "url", "https://example.org/zz-test/" + UUID.randomUUID(), "publishedOn", day("2024-01-17")));
        assertEquals(List.of(), added.getList("data.addSource.userErrors"), added.prettify());
        String source = added.getString("data.addSource.source.id");

        // 1. the Kremlin meeting: "on Tuesday" in a Wednesday report, read as the 16th, the 17th kept possible
        Map<String, Object> start = day("2024-01-16");
        start.put("latest", "2024-01-17");
        start.put("resolution", "EVENT_DAY_ASSUMED");
        start.put("resolutionNote", "'on Tuesday' in a report dated Wednesday 17 January");
        Map<String, Object> meeting = new HashMap<>();
        meeting.put("kind", "MEETING");
        meeting.put("title", TestRows.unique("Putin receives Choe Son Hui in the Kremlin"));
        meeting.put("status", "HELD");
        meeting.put("start", start);
        meeting.put("place", Map.of("name", "Kremlin", "locality", "Moscow", "country", russia));
        meeting.put("participants", List.of(Map.of("actor", putin, "role", "HOST"), Map.of("actor", choe, "role", "GUEST")));
        meeting.put("attestations", List.of(attestedBy(source, "Putin received Choe Son Hui on Tuesday")));
        JsonPath recorded = as(editor, "recordEncounterDated", "input", meeting);
        assertEquals(List.of(), recorded.getList("data.recordEncounter.userErrors"), recorded.prettify());
        String kremlin = recorded.getString("data.recordEncounter.encounter.id");
        // whoever searches the 17th finds it too: the sources allow it
        Map<String, Object> onThe17th = Map.of("participants", List.of(putin, choe), "from", "2024-01-17", "to",
                "2024-01-17");
        assertTrue(GraphQL.data("encountersOfParticipants", "filter", onThe17th).getList("data.encounters.nodes.id")
                .contains(kremlin));

        // 2. Lavrov on the September summit: the editor finds it by its participants and date
        JsonPath september = GraphQL.data("encountersOfParticipants", "filter",
                Map.of("participants", List.of(putin, kim), "from", "2023-09-13", "to", "2023-09-13"));
        String vostochny = september.getString("data.encounters.nodes[0].id");
        assertTrue(september.getString("data.encounters.nodes[0].title").contains("Vostochny"), september.prettify());
        Map<String, Object> lavrov = statement(actor("Sergey Lavrov"), "ASSESSMENT", "the agreements reached during"
                + " the September summit at the Vostochny Cosmodrome are being implemented", day("2024-01-16"), source);
        lavrov.put("aboutEncounters", List.of(vostochny));
        JsonPath lavrovBody = as(editor, "recordStatementAboutEncounters", "input", lavrov);
        assertEquals(List.of(), lavrovBody.getList("data.recordStatement.userErrors"), lavrovBody.prettify());
        String lavrovId = lavrovBody.getString("data.recordStatement.statement.id");

        // 3. Putin's invitation creates the planned visit to Moscow
        Map<String, Object> invitation = statement(putin, "INVITATION",
                "I hope that the next one will take place in Russia, in Moscow", day("2024-01-16"), source);
        String visitTitle = TestRows.unique("Kim Jong Un visit to Moscow");
        invitation.put("announces", Map.of("kind", "VISIT", "title", visitTitle,
                "place", Map.of("name", "Moscow", "country", russia),
                "participants", List.of(Map.of("actor", putin, "role", "HOST"), Map.of("actor", kim, "role", "GUEST"))));
        JsonPath invited = as(editor, "recordStatementAboutEncounters", "input", invitation);
        assertEquals(List.of(), invited.getList("data.recordStatement.userErrors"), invited.prettify());
        String visit = invited.getString("data.recordStatement.statement.aboutEncounters[0].id");
        assertEquals("PLANNED", node(visit).getString("data.node.status"));

        // Peskov the next day, in a report that gives no day of its own
        Map<String, Object> peskovSaid = day("2024-01-17");
        peskovSaid.put("earliest", "2024-01-16");
        peskovSaid.put("resolution", "REPORT_DAY_ASSUMED");
        Map<String, Object> peskov = statement(actor("Dmitry Peskov"), "CLAIM",
                "the visit could take place some time soon", peskovSaid, source);
        peskov.put("aboutEncounters", List.of(visit));
        JsonPath peskovBody = as(editor, "recordStatementAboutEncounters", "input", peskov);
        assertEquals(List.of(), peskovBody.getList("data.recordStatement.userErrors"), peskovBody.prettify());

        // 4. the visit happens; then a step entered late, effective from Peskov's confirmation
        JsonPath held = as(editor, "setEncounterStatus", "input", Map.of("encounter", visit,
                "version", node(visit).getInt("data.node.version"), "status", "HELD", "source", source,
                "effective", day("2024-06-19")));
        assertEquals(List.of(), held.getList("data.setEncounterStatus.userErrors"), held.prettify());
        JsonPath late = as(editor, "setEncounterStatus", "input", Map.of("encounter", visit,
                "version", node(visit).getInt("data.node.version"), "status", "PLANNED", "source", source,
                "effective", day("2024-01-17"), "note", "Zz Test: confirmed by Peskov"));
        assertEquals(List.of(), late.getList("data.setEncounterStatus.userErrors"), late.prettify());

        JsonPath visitNow = node(visit);
        assertEquals(visitTitle, visitNow.getString("data.node.title"));
        assertEquals("HELD", visitNow.getString("data.node.status"));
        assertEquals(List.of("PLANNED", "PLANNED", "HELD"), visitNow.getList("data.node.statusHistory.status"));
        assertEquals(List.of("2024-01-16", "2024-01-17", "2024-06-19"),
                visitNow.getList("data.node.statusHistory.effective.date"));
        assertEquals(List.of(invitation.get("text"), peskov.get("text")),
                visitNow.getList("data.node.statementsAbout.text"));

        // the links both ways: the statement names the summit, the summit lists the statement
        JsonPath lavrovNow = node(lavrovId);
        assertEquals(List.of(vostochny), lavrovNow.getList("data.node.aboutEncounters.id"));
        assertTrue(node(vostochny).getList("data.node.statementsAbout.id").contains(lavrovId));
        JsonPath kremlinNow = node(kremlin);
        assertEquals(Map.of("date", "2024-01-16", "precision", "DAY", "earliest", "2024-01-16", "latest", "2024-01-17",
                "resolution", "EVENT_DAY_ASSUMED", "resolutionNote", start.get("resolutionNote")),
                kremlinNow.getMap("data.node.start"));
    }
}
