package org.parley.statement;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.parley.statement.StatementLinksUpdateTest.assertRefused;
import static org.parley.statement.StatementLinksUpdateTest.change;
import static org.parley.statement.StatementLinksUpdateTest.update;
import static org.parley.testsupport.GraphQL.as;

import java.util.ArrayList;
import java.util.Collections;
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

/**
 * A statement about a source ("the ministry called the report fabricated") and about other statements (a comment on
 * what someone else said, apart from the one statement it answers), read from both ends, corrected and refused.
 */
@QuarkusTest
class StatementsAboutAnyNodeTest {

    private static final String CHANGES = "select count(*) from change_log where node_type = 'Statement' and node_id = ?";
    private static final String RECORDED = "data.recordStatement.statement.";
    private static final String UPDATED = "data.updateStatement.statement.";

    @AfterAll
    static void removeWhatTheTestsCreated() {
        TestRows.removeAll();
    }

    /** A statement of the ministry, reported by a curated source, with the links given. */
    private static Map<String, Object> ministry(String words) {
        Map<String, Object> input = new HashMap<>();
        input.put("text", "Zz test: " + words + " " + TestRows.unique("statement"));
        input.put("mode", "PARAPHRASE");
        input.put("kind", "DENIAL");
        input.put("speakerLabel", "the Russian foreign ministry");
        input.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", "unattributed-2023-11-06"),
                "excerpt", "zz test excerpt")));
        return input;
    }

    private static JsonPath record(Map<String, Object> input) throws Exception {
        return as(DevTokens.editor(), "statementAboutAnyNode", "input", input);
    }

    private static String recorded(Map<String, Object> input) throws Exception {
        JsonPath body = record(input);
        assertThat(body.prettify(), body.getList("data.recordStatement.userErrors"), empty());
        return body.getString(RECORDED + "id");
    }

    /** A source of this test's own, so that deleting it cannot touch the curated data. */
    private static String report() throws Exception {
        Map<String, Object> input = new HashMap<>();
        input.put("title", TestRows.unique("report"));
        input.put("publisher", "Zz Test Gazette");
        input.put("url", "https://example.org/zz-test/" + UUID.randomUUID());
        input.put("publishedAt", "2024-06-19T09:30:00+09:00");
        input.put("language", "en");
        JsonPath added = as(DevTokens.editor(), "addSource", "input", input);
        assertThat(added.getList("data.addSource.userErrors"), empty());
        return added.getString("data.addSource.source.id");
    }

    @Test
    void aStatementAboutASourceAndAboutStatementsResolvesBothWays() throws Exception {
        String report = report();
        String invitation = Ids.bySlug("Statement", "kim-invites-putin-to-north-korea");
        String claim = recorded(ministry("the claim of arms deliveries"));

        Map<String, Object> denial = ministry("the report is fabricated, and so is the claim it repeats");
        denial.put("aboutSources", List.of(report));
        denial.put("aboutStatements", List.of(claim, invitation, claim));
        denial.put("saidOn", Map.of("date", "2024-06-20", "precision", "DAY"));
        JsonPath body = record(denial);
        assertThat(body.prettify(), body.getList("data.recordStatement.userErrors"), empty());
        String id = body.getString(RECORDED + "id");
        assertEquals(List.of(report), body.getList(RECORDED + "aboutSources.id"));
        assertEquals(List.of(List.of(id)), body.getList(RECORDED + "aboutSources.statementsAbout.id"));
        assertEquals(List.of(claim, invitation), body.getList(RECORDED + "aboutStatements.id")); // once, in order
        assertEquals(List.of(id), body.getList(RECORDED + "aboutStatements[0].statementsAbout.id"));

        // from the other ends, by the node query; `first` bounds the list
        Map<String, Object> second = ministry("a second denial of the report");
        second.put("aboutSources", List.of(report));
        second.put("saidOn", Map.of("date", "2099-01-01", "precision", "DAY"));
        String later = recorded(second);
        JsonPath ofReport = GraphQL.data("nodeStatementsAbout", "id", report);
        assertEquals(List.of(id, later), ofReport.getList("data.node.statementsAbout.id"));
        assertEquals(List.of(report), ofReport.getList("data.node.statementsAbout[0].aboutSources.id"));
        assertEquals(List.of(id), GraphQL.data("nodeStatementsAbout", "id", report, "first", 1)
                .getList("data.node.statementsAbout.id"));
        JsonPath ofClaim = GraphQL.data("nodeStatementsAbout", "id", claim);
        assertEquals(List.of(id), ofClaim.getList("data.node.statementsAbout.id"));
        assertEquals(List.of(List.of(claim, invitation)), ofClaim.getList("data.node.statementsAbout.aboutStatements.id"));

        // what statements are about is not deleted from under them
        JsonPath source = as(DevTokens.admin(), "deleteSource", "input",
                Map.of("id", report, "version", TestRows.version("source", report)));
        assertEquals("IN_USE", source.getString("data.deleteSource.userErrors[0].code"), source.prettify());
        JsonPath statement = as(DevTokens.admin(), "deleteStatement", "input",
                Map.of("id", claim, "version", TestRows.version("statement", claim)));
        assertEquals("IN_USE", statement.getString("data.deleteStatement.userErrors[0].code"), statement.prettify());
    }

    @Test
    void anUpdateReplacesAndClearsTheListsAndANoOpKeepsTheVersion() throws Exception {
        String report = report();
        String other = report();
        String claim = recorded(ministry("a claim to comment on"));
        String id = recorded(ministry("a comment recorded in haste"));
        long dbId = Ids.dbId(id);

        Map<String, Object> links = change(id, 0);
        links.put("aboutSources", List.of(report, other));
        links.put("aboutStatements", List.of(claim));
        JsonPath linked = update(links);
        assertThat(linked.prettify(), linked.getList("data.updateStatement.userErrors"), empty());
        assertEquals(List.of(report, other), linked.getList(UPDATED + "aboutSources.id"));
        assertEquals(List.of(claim), linked.getList(UPDATED + "aboutStatements.id"));
        assertEquals(1, linked.getInt(UPDATED + "version"));
        assertEquals(2, Database.count(CHANGES, dbId));

        // the same lists again: no new version, no change entry
        links.put("version", 1);
        JsonPath same = update(links);
        assertThat(same.getList("data.updateStatement.userErrors"), empty());
        assertEquals(1, same.getInt(UPDATED + "version"));
        assertEquals(2, Database.count(CHANGES, dbId));

        // a list given replaces the stored one; null clears; what is left out stays
        Map<String, Object> replace = change(id, 1);
        replace.put("aboutSources", List.of(other));
        replace.put("aboutStatements", null);
        JsonPath replaced = update(replace);
        assertThat(replaced.getList("data.updateStatement.userErrors"), empty());
        assertEquals(List.of(other), replaced.getList(UPDATED + "aboutSources.id"));
        assertThat(replaced.getList(UPDATED + "aboutStatements"), empty());
        assertEquals(2, replaced.getInt(UPDATED + "version"));
        assertEquals(0, Database.count("select count(*) from statement_about_statement where statement_id = ?", dbId));

        Map<String, Object> clear = change(id, 2);
        clear.put("aboutSources", List.of());
        JsonPath cleared = update(clear);
        assertThat(cleared.getList(UPDATED + "aboutSources"), empty());
        assertEquals(0, Database.count("select count(*) from statement_about_source where statement_id = ?", dbId));
    }

    @Test
    void refusesTheWrongKindAnUnknownOneItselfAndTooManyWritingNothing() throws Exception {
        long statements = Database.count("select count(*) from statement");
        Map<String, Object> wrongKind = ministry("about a source that is an actor");
        wrongKind.put("aboutSources", List.of(Ids.bySlug("Source", "unattributed-2023-11-06"),
                Ids.bySlug("Actor", "russia")));
        JsonPath refused = record(wrongKind);
        assertEquals("NOT_FOUND", refused.getString("data.recordStatement.userErrors[0].code"));
        assertEquals(List.of("input", "aboutSources", "1"), refused.getList("data.recordStatement.userErrors[0].field"));
        assertNull(refused.get("data.recordStatement.statement"));

        Map<String, Object> unknown = ministry("about a statement never recorded");
        unknown.put("aboutStatements", List.of(Ids.of("Statement", 99999999)));
        JsonPath missing = record(unknown);
        assertEquals("NOT_FOUND", missing.getString("data.recordStatement.userErrors[0].code"));
        assertEquals(List.of("input", "aboutStatements", "0"), missing.getList("data.recordStatement.userErrors[0].field"));
        assertEquals(statements, Database.count("select count(*) from statement"));

        String id = recorded(ministry("a statement that cannot comment on itself"));
        assertRefused(id, "aboutStatements", List.of(Ids.bySlug("Encounter", "six-party-talks")), "NOT_FOUND",
                List.of("input", "aboutStatements", "0"));
        assertRefused(id, "aboutSources", List.of(Ids.bySlug("Statement", "kim-invites-putin-to-north-korea")),
                "NOT_FOUND", List.of("input", "aboutSources", "0"));
        assertRefused(id, "aboutStatements", List.of(Ids.bySlug("Statement", "kim-invites-putin-to-north-korea"), id),
                "INVALID", List.of("input", "aboutStatements", "1"));
        assertEquals(0, TestRows.version("statement", id));
        assertEquals(1, Database.count(CHANGES, Ids.dbId(id)));

        // past parley.limits.max-statement-about: refused before any SQL, naming the argument
        Map<String, Object> tooMany = change(id, 0);
        tooMany.put("aboutSources", new ArrayList<>(Collections.nCopies(101, Ids.bySlug("Actor", "russia"))));
        String message = GraphQL.post(GraphQL.operation("updateStatementLinks"), GraphQL.vars("input", tooMany),
                DevTokens.editor()).statusCode(200).extract().jsonPath().getString("errors[0].message");
        assertThat(message, containsString("input.aboutSources: at most 100"));
    }
}
