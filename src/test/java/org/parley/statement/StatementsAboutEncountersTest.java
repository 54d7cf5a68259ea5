package org.parley.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
 * The editor's January 2024 story: the Kremlin meeting, Lavrov's statement about the Vostochny summit, Putin's
 * invitation that creates the PLANNED Moscow visit, a later statement about that visit, then the visit held.
 */
@QuarkusTest
class StatementsAboutEncountersTest {

    private static final String SOURCE = "nextshark-kim-putin-summit";

    @AfterAll
    static void removeWhatTheTestsCreated() {
        TestRows.removeAll();
    }

    private static String editor() throws Exception {
        return DevTokens.mint("test-editor", 600, "editor");
    }

    private static Map<String, Object> statement(String speaker, String kind, String text) {
        Map<String, Object> input = new HashMap<>();
        input.put("text", "Zz Test: " + text);
        input.put("mode", "VERBATIM");
        input.put("kind", kind);
        input.put("speaker", Ids.bySlug("Actor", speaker));
        input.put("saidOn", Map.of("date", "2024-01-16", "precision", "DAY"));
        input.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", SOURCE), "excerpt", "Zz test excerpt")));
        return input;
    }

    private static JsonPath record(Map<String, Object> input) throws Exception {
        return as(editor(), "recordStatementAboutEncounters", "input", input);
    }

    private static Map<String, Object> moscowVisit() {
        return Map.of("kind", "VISIT", "title", TestRows.unique("Kim Jong Un visit to Moscow"),
                "place", Map.of("name", "Moscow", "country", Ids.bySlug("Actor", "russia")),
                "participants", List.of(Map.of("actor", Ids.bySlug("Actor", "vladimir-putin"), "role", "HOST"),
                        Map.of("actor", Ids.bySlug("Actor", "kim-jong-un"), "role", "GUEST")));
    }

    @Test
    void anInvitationCreatesThePlannedVisitAndTheLinksResolveBothWays() throws Exception {
        String vostochny = Ids.bySlug("Encounter", "kim-putin-vostochny-summit-2023");
        Map<String, Object> lavrov = statement("sergey-lavrov", "ASSESSMENT",
                "the agreements reached during the September summit at the Vostochny Cosmodrome are being implemented");
        lavrov.put("aboutEncounters", List.of(vostochny));
        JsonPath summary = record(lavrov);
        assertEquals(List.of(), summary.getList("data.recordStatement.userErrors"), summary.prettify());
        assertEquals(List.of(vostochny), summary.getList("data.recordStatement.statement.aboutEncounters.id"));

        Map<String, Object> invitation = statement("vladimir-putin", "INVITATION",
                "I hope that the next one will take place in Russia, in Moscow");
        Map<String, Object> visit = moscowVisit();
        invitation.put("announces", visit);
        JsonPath invited = record(invitation);
        assertEquals(List.of(), invited.getList("data.recordStatement.userErrors"), invited.prettify());
        String planned = invited.getString("data.recordStatement.statement.aboutEncounters[0].id");
        assertEquals(visit.get("title"), invited.getString("data.recordStatement.statement.aboutEncounters[0].title"));
        assertEquals("PLANNED", invited.getString("data.recordStatement.statement.aboutEncounters[0].status"));
        assertEquals(List.of("Vladimir Putin", "Kim Jong Un"),
                invited.getList("data.recordStatement.statement.aboutEncounters[0].participants.actor.name"));
        assertEquals(List.of(Ids.bySlug("Source", SOURCE)),
                invited.getList("data.recordStatement.statement.aboutEncounters[0].attestations.source.id"));

        // Peskov's "could take place some time soon" points at the same planned visit
        Map<String, Object> peskov = statement("vladimir-putin", "CLAIM", "the visit could take place some time soon");
        peskov.put("saidOn", Map.of("date", "2024-01-17", "precision", "DAY"));
        peskov.put("aboutEncounters", List.of(planned));
        assertEquals(List.of(), record(peskov).getList("data.recordStatement.userErrors"));

        // then the visit happens: the history reads in effective order, the announcement first
        as(editor(), "setEncounterStatus", "input", Map.of("encounter", planned,
                "version", TestRows.version("encounter", planned), "status", "HELD",
                "source", Ids.bySlug("Source", SOURCE), "effective", Map.of("date", "2024-06-19", "precision", "DAY")));
        JsonPath both = GraphQL.data("encounterStatementsAbout", "id", planned);
        assertEquals("HELD", both.getString("data.node.status"));
        assertEquals(List.of("PLANNED", "HELD"), both.getList("data.node.statusHistory.status"));
        assertEquals("2024-01-16", both.getString("data.node.statusHistory[0].effective.date"));
        assertEquals(List.of(invitation.get("text"), peskov.get("text")), both.getList("data.node.statementsAbout.text"));
        assertEquals(List.of(List.of(visit.get("title")), List.of(visit.get("title"))),
                both.getList("data.node.statementsAbout.aboutEncounters.title"));
        assertEquals(1, GraphQL.data("encounterStatementsAbout", "id", planned, "first", 1)
                .getList("data.node.statementsAbout").size());
        assertTrue(GraphQL.data("encounterStatementsAbout", "id", vostochny)
                .getList("data.node.statementsAbout.text").contains(lavrov.get("text")));

        // a planned visit that statements are about is not deleted from under them
        JsonPath refused = as(DevTokens.admin(), "deleteEncounter", "input",
                Map.of("id", planned, "version", TestRows.version("encounter", planned)));
        assertEquals("IN_USE", refused.getString("data.deleteEncounter.userErrors[0].code"), refused.prettify());
    }

    @Test
    void onlyInvitationsAndAnnouncementsAnnounceAndABadAnnouncedEncounterWritesNothing() throws Exception {
        long encounters = Database.count("select count(*) from encounter");
        long statements = Database.count("select count(*) from statement");
        Map<String, Object> claim = statement("vladimir-putin", "CLAIM", "a claim that announces nothing");
        claim.put("announces", moscowVisit());
        JsonPath refused = record(claim);
        assertNull(refused.get("data.recordStatement.statement"));
        assertEquals("INVALID", refused.getString("data.recordStatement.userErrors[0].code"));
        assertEquals(List.of("input", "announces"), refused.getList("data.recordStatement.userErrors[0].field"));

        Map<String, Object> invitation = statement("vladimir-putin", "INVITATION", "an invitation to nobody");
        Map<String, Object> visit = new HashMap<>(moscowVisit());
        visit.put("participants", List.of(Map.of("actor", Ids.of("Actor", 99999999), "role", "GUEST")));
        invitation.put("announces", visit);
        JsonPath unknown = record(invitation);
        assertEquals("NOT_FOUND", unknown.getString("data.recordStatement.userErrors[0].code"), unknown.prettify());
        assertEquals(List.of("input", "announces", "participants", "0", "actor"),
                unknown.getList("data.recordStatement.userErrors[0].field"));

        Map<String, Object> aboutAnActor = statement("vladimir-putin", "CLAIM", "about an actor given as encounter");
        aboutAnActor.put("aboutEncounters", List.of(Ids.bySlug("Actor", "kim-jong-un")));
        assertEquals("NOT_FOUND", record(aboutAnActor).getString("data.recordStatement.userErrors[0].code"));
        assertEquals(encounters, Database.count("select count(*) from encounter"));
        assertEquals(statements, Database.count("select count(*) from statement"));
    }
}
