package org.parley.statement;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testsupport.GraphQL.data;
import static org.parley.testsupport.GraphQL.operation;
import static org.parley.testsupport.GraphQL.post;
import static org.parley.testsupport.GraphQL.vars;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.Ids;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class StatementGraphQLApiTest {

    private static final String ORDER = " order by s.said_earliest nulls last, s.position, s.id";

    @Test
    void listsStatementsByDateThenPositionAcrossPages() {
        List<String> expected = Database.column("select s.text from statement s" + ORDER);
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean hasNext;
        do {
            JsonPath body = data("statements", "first", 25, "after", after);
            seen.addAll(body.getList("data.statements.nodes.text"));
            hasNext = body.getBoolean("data.statements.pageInfo.hasNextPage");
            after = body.getString("data.statements.pageInfo.endCursor");
        } while (hasNext);
        assertEquals(expected, seen);
    }

    @Test
    void filtersBySpeaker() {
        JsonPath body = data("statements", "filter", Map.of("speaker", Ids.bySlug("Actor", "mike-pompeo")), "first", 100);
        assertEquals(Database.column("select s.text from statement s join actor a on a.id = s.speaker_id"
                + " where a.slug = 'mike-pompeo'" + ORDER), body.getList("data.statements.nodes.text"));
        assertThat(body.getList("data.statements.nodes.speaker.name"), everyItem(is("Mike Pompeo")));
    }

    @Test
    void filtersByTheActorItIsAbout() {
        JsonPath body = data("statements", "filter", Map.of("about", Ids.bySlug("Actor", "north-korea")), "first", 100);
        List<String> expected = Database.column("select s.text from statement s where exists (select 1 from statement_about sa"
                + " join actor a on a.id = sa.actor_id where sa.statement_id = s.id and a.slug = 'north-korea')" + ORDER);
        assertThat(expected, not(empty()));
        assertEquals(expected, body.getList("data.statements.nodes.text"));
        for (List<Map<String, Object>> about : body.<List<Map<String, Object>>> getList("data.statements.nodes.about")) {
            assertThat(about, hasItem(Map.of("name", "North Korea")));
        }
    }

    @Test
    void filtersByEncounterAndKind() {
        String summit = Ids.bySlug("Encounter", "kim-putin-vostochny-summit-2023");
        JsonPath atSummit = data("statements", "filter", Map.of("encounter", summit), "first", 100);
        assertThat(atSummit.getList("data.statements.nodes.encounter.title"),
                everyItem(is(Database.column("select title from encounter where slug = 'kim-putin-vostochny-summit-2023'").get(0))));
        assertEquals(Database.count("select count(*) from statement s join encounter e on e.id = s.encounter_id"
                + " where e.slug = 'kim-putin-vostochny-summit-2023'"), atSummit.getLong("data.statements.totalCount"));
        JsonPath pledges = data("statements", "filter", Map.of("encounter", summit, "kind", "PLEDGE"), "first", 100);
        assertThat(pledges.getList("data.statements.nodes.kind"), everyItem(is("PLEDGE")));
        assertThat(pledges.getList("data.statements.nodes.text"), hasItem(containsString("full and unconditional support")));
    }

    @Test
    void searchesWordsInTheTextWithStemming() {
        JsonPath body = data("statements", "filter", Map.of("search", "sanction lifting"), "first", 100);
        List<String> texts = body.getList("data.statements.nodes.text");
        assertThat(texts, not(empty()));
        for (String text : texts) {
            assertThat(text.toLowerCase(), containsString("sanction"));
            assertThat(text.toLowerCase(), containsString("lift"));
        }
        assertEquals(Database.count("select count(*) from statement where search_vector @@ websearch_to_tsquery('english', 'sanction lifting')"),
                body.getLong("data.statements.totalCount"));
        // words that appear nowhere together give nothing
        assertEquals(0, data("statements", "filter", Map.of("search", "cosmodrome sanctions Obama")).getInt("data.statements.totalCount"));
    }

    @Test
    void verbatimQuotesAndAnonymousSpeakersAreKeptAsPrinted() {
        JsonPath body = data("statements", "filter", Map.of("search", "\"make clear what they're willing to do\""));
        assertEquals("VERBATIM", body.getString("data.statements.nodes[0].mode"));
        assertNull(body.get("data.statements.nodes[0].speaker"));
        assertThat(body.getString("data.statements.nodes[0].speakerLabel"), containsString("State Department"));
    }

    @Test
    void aDenialPointsAtWhatItDeniesAndTheAllegationListsItsResponses() {
        JsonPath body = data("statementLinks", "filter", Map.of("kind", "DENIAL"));
        List<Map<String, Object>> denials = body.getList("data.statements.nodes");
        assertThat(denials, not(empty()));
        for (Map<String, Object> denial : denials) {
            Map<?, ?> denied = (Map<?, ?>) denial.get("respondsTo");
            assertTrue(denied != null, "every denial of the data set says what it denies: " + denial.get("text"));
            JsonPath allegation = data("statementLinks", "filter", Map.of("speaker",
                    Ids.bySlug("Actor", "united-states"), "kind", "ALLEGATION"));
            assertThat(allegation.getList("data.statements.nodes.id"), hasItem(denied.get("id")));
        }
        JsonPath allegations = data("statementLinks", "filter", Map.of("kind", "ALLEGATION"));
        List<String> responseKinds = allegations.getList("data.statements.nodes.responses.flatten().kind");
        assertThat(responseKinds, hasItem("DENIAL"));
        assertEquals(Database.count("select count(*) from statement r join statement s on s.id = r.responds_to_id where s.kind = 'ALLEGATION'"),
                responseKinds.size());
    }

    @Test
    void everyStatementHasAttestationsThatPointBackAtIt() {
        JsonPath body = data("statementLinks", "filter", Map.of());
        List<Map<String, Object>> statements = body.getList("data.statements.nodes");
        assertEquals(Database.count("select count(*) from statement where deleted_at is null"), statements.size());
        for (Map<String, Object> statement : statements) {
            List<Map<String, Object>> attestations = (List<Map<String, Object>>) statement.get("attestations");
            assertThat("attestations of " + statement.get("text"), attestations, not(empty()));
            for (Map<String, Object> attestation : attestations) {
                assertEquals(statement.get("id"), ((Map<?, ?>) attestation.get("statement")).get("id"));
            }
            assertEquals(attestations.size(), ((List<?>) statement.get("sources")).size());
        }
    }

    @Test
    void rejectsBadFilters() {
        for (Map<String, Object> filter : List.<Map<String, Object>> of(
                Map.of("speaker", Ids.bySlug("Source", "moneycontrol-2018-06-01")),
                Map.of("encounter", Ids.bySlug("Actor", "russia")),
                Map.of("about", "???"),
                Map.of("search", "   "))) {
            post(operation("statements"), vars("filter", filter)).statusCode(200)
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        }
    }
}
