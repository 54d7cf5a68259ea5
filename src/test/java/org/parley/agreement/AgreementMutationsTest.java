package org.parley.agreement;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.parley.testsupport.GraphQL.as;
import static org.parley.testsupport.GraphQL.data;

import java.time.OffsetDateTime;
import java.util.ArrayList;
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

/** createAgreement, updateAgreement and deleteAgreement; node(id), the change log and the tombstone feed. */
@QuarkusTest
class AgreementMutationsTest {

    private static final String MONEYCONTROL = "moneycontrol-2018-06-01";
    private static final String NYT = "unattributed-2018-05-31";
    private static final String CHANGES = "select operation from change_log where node_type = 'Agreement'"
            + " and node_id = ? order by id";

    @AfterAll
    static void removeWhatTheTestsCreated() {
        TestRows.removeAll();
    }

    private static String newState() throws Exception {
        JsonPath body = as(DevTokens.editor(), "createActor", "input", Map.of("kind", "STATE", "name",
                TestRows.unique("Republic")));
        return body.getString("data.createActor.actor.id");
    }

    private static Map<String, Object> step(String status, String date, String precision, String source) {
        Map<String, Object> step = new HashMap<>();
        step.put("status", status);
        step.put("date", date == null ? null : Map.of("date", date, "precision", precision));
        step.put("source", source);
        return step;
    }

    private static Map<String, Object> input(List<String> parties) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", TestRows.unique("Treaty"));
        input.put("kind", "TREATY");
        input.put("parties", parties);
        input.put("signedAt", Ids.bySlug("Encounter", "inter-korean-summit-2018"));
        input.put("steps", List.of(step("SIGNED", "2024-06-19", "DAY", Ids.bySlug("Source", MONEYCONTROL)),
                step("IN_FORCE", "2024-12-01", "MONTH", null)));
        input.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", MONEYCONTROL), "excerpt",
                "zz test excerpt")));
        return input;
    }

    @Test
    void anAgreementIsCreatedCorrectedAndDeletedLeavingATombstone() throws Exception {
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
        String first = newState();
        String second = newState();
        JsonPath created = as(DevTokens.editor(), "createAgreement", "input", input(List.of(second, first)));
        assertThat(created.getList("data.createAgreement.userErrors"), empty());
        String id = created.getString("data.createAgreement.agreement.id");
        long dbId = Ids.dbId(id);
        assertEquals(List.of(second, first), created.getList("data.createAgreement.agreement.parties.id"));
        assertEquals("IN_FORCE", created.getString("data.createAgreement.agreement.status"));
        assertEquals(List.of("SIGNED", "IN_FORCE"), created.getList("data.createAgreement.agreement.steps.status"));
        assertEquals(Map.of("date", "2024-12-01", "precision", "MONTH"),
                created.getMap("data.createAgreement.agreement.steps[1].date"));
        assertEquals(Ids.bySlug("Encounter", "inter-korean-summit-2018"),
                created.getString("data.createAgreement.agreement.signedAt.id"));
        assertEquals(List.of("createAgreement"), Database.column(CHANGES, dbId));

        JsonPath node = data("agreementNode", "id", id);
        assertEquals("Agreement", node.getString("data.node.__typename"));
        assertEquals(List.of(second, first), node.getList("data.node.parties.id"));
        JsonPath byParty = data("agreements", "filter", Map.of("party", first), "first", 10);
        assertEquals(1, byParty.getInt("data.agreements.totalCount"));
        assertEquals(List.of(List.of(created.getString("data.createAgreement.agreement.title")),
                List.of(created.getString("data.createAgreement.agreement.title"))),
                byParty.getList("data.agreements.nodes[0].parties.agreements.title"));

        // the same values again: no change, no version, no entry
        JsonPath same = as(DevTokens.editor(), "updateAgreement", "input", Map.of("id", id, "version", 0, "title",
                created.getString("data.createAgreement.agreement.title"), "parties", List.of(second, first)));
        assertThat(same.getList("data.updateAgreement.userErrors"), empty());
        assertEquals(0, same.getInt("data.updateAgreement.agreement.version"));
        assertEquals(1, Database.count("select count(*) from change_log where node_type = 'Agreement' and node_id = ?",
                dbId));

        // a list replaced, a field cleared, one left out
        Map<String, Object> update = new HashMap<>();
        update.put("id", id);
        update.put("version", 0);
        update.put("signedAt", null);
        update.put("steps", List.of(step("SIGNED", "2024-06-19", "DAY", null), step("SUSPENDED", "2025-01-01", "YEAR",
                Ids.bySlug("Source", NYT))));
        JsonPath updated = as(DevTokens.editor(), "updateAgreement", "input", update);
        assertThat(updated.getList("data.updateAgreement.userErrors"), empty());
        assertEquals(1, updated.getInt("data.updateAgreement.agreement.version"));
        assertEquals("SUSPENDED", updated.getString("data.updateAgreement.agreement.status"));
        assertNull(updated.get("data.updateAgreement.agreement.signedAt"));
        assertEquals("TREATY", updated.getString("data.updateAgreement.agreement.kind"));
        assertEquals(List.of(second, first), updated.getList("data.updateAgreement.agreement.parties.id"));

        // refused: a stale version, a required field cleared, an unknown party; nothing changes
        assertEquals("CONFLICT", as(DevTokens.editor(), "updateAgreement", "input", Map.of("id", id, "version", 0,
                "summary", "x")).getString("data.updateAgreement.userErrors[0].code"));
        Map<String, Object> noTitle = new HashMap<>(Map.of("id", id));
        noTitle.put("title", null);
        JsonPath cleared = as(DevTokens.editor(), "updateAgreement", "input", noTitle);
        assertEquals("INVALID", cleared.getString("data.updateAgreement.userErrors[0].code"));
        assertEquals(List.of("input", "title"), cleared.getList("data.updateAgreement.userErrors[0].field"));
        JsonPath unknown = as(DevTokens.editor(), "updateAgreement", "input", Map.of("id", id, "parties",
                List.of(first, Ids.of("Actor", 999_999_999L))));
        assertEquals("NOT_FOUND", unknown.getString("data.updateAgreement.userErrors[0].code"));
        assertEquals(List.of("input", "parties", "1"), unknown.getList("data.updateAgreement.userErrors[0].field"));
        assertEquals(1, TestRows.version("agreement", id));
        assertEquals(List.of("createAgreement", "updateAgreement"), Database.column(CHANGES, dbId));

        // its party, its attesting source and the encounter it was signed at cannot be deleted while it is live
        JsonPath party = as(DevTokens.admin(), "deleteActor", "input", Map.of("id", first, "version",
                TestRows.version("actor", first)));
        assertEquals("IN_USE", party.getString("data.deleteActor.userErrors[0].code"));
        String nyt = Ids.bySlug("Source", NYT);
        JsonPath source = as(DevTokens.admin(), "deleteSource", "input", Map.of("id", nyt, "version",
                TestRows.version("source", nyt)));
        assertThat(source.getList("data.deleteSource.userErrors.code"), hasItem("IN_USE"));

        // a statement about it keeps it from being deleted
        Map<String, Object> statement = new HashMap<>();
        statement.put("text", TestRows.unique("A treaty for the ages"));
        statement.put("mode", "PARAPHRASE");
        statement.put("kind", "ASSESSMENT");
        statement.put("speaker", first);
        statement.put("aboutAgreements", List.of(id));
        statement.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", MONEYCONTROL), "excerpt",
                "zz test")));
        JsonPath recorded = as(DevTokens.editor(), "recordStatement", "input", statement);
        assertThat(recorded.getList("data.recordStatement.userErrors"), empty());
        String statementId = recorded.getString("data.recordStatement.statement.id");
        assertEquals(List.of(statementId), data("agreementNode", "id", id).getList("data.node.statementsAbout.id"));
        JsonPath inUse = as(DevTokens.admin(), "deleteAgreement", "input", Map.of("id", id, "version", 1));
        assertEquals("IN_USE", inUse.getString("data.deleteAgreement.userErrors[0].code"));
        int statementVersion = TestRows.version("statement", statementId);
        assertThat(as(DevTokens.admin(), "deleteStatement", "input", Map.of("id", statementId, "version",
                statementVersion)).getList("data.deleteStatement.userErrors"), empty());

        assertEquals("CONFLICT", as(DevTokens.admin(), "deleteAgreement", "input", Map.of("id", id, "version", 0))
                .getString("data.deleteAgreement.userErrors[0].code"));
        JsonPath deleted = as(DevTokens.admin(), "deleteAgreement", "input", Map.of("id", id, "version", 1));
        assertThat(deleted.getList("data.deleteAgreement.userErrors"), empty());
        assertEquals(id, deleted.getString("data.deleteAgreement.deletedId"));
        assertNull(data("agreementNode", "id", id).get("data.node"));
        assertThat(data("agreements", "filter", Map.of("party", first), "first", 10)
                .getList("data.agreements.nodes.id"), not(hasItem(id)));
        JsonPath tombstones = data("tombstones", "deletedSince", before.toString(), "first", 100);
        List<Map<String, Object>> mine = new ArrayList<>();
        for (Map<String, Object> tombstone : tombstones.<Map<String, Object>> getList("data.tombstones.nodes")) {
            if (id.equals(tombstone.get("id"))) {
                mine.add(tombstone);
            }
        }
        assertEquals(1, mine.size());
        assertEquals("Agreement", mine.get(0).get("type"));
        assertEquals(List.of("createAgreement", "updateAgreement", "deleteAgreement"), Database.column(CHANGES, dbId));
    }

    @Test
    void badInputIsAUserErrorAtItsField() throws Exception {
        String party = newState();
        Map<String, Object> unsourced = input(List.of(party));
        unsourced.put("attestations", List.of());
        JsonPath noSource = as(DevTokens.editor(), "createAgreement", "input", unsourced);
        assertNull(noSource.get("data.createAgreement.agreement"));
        assertEquals("INVALID", noSource.getString("data.createAgreement.userErrors[0].code"));
        assertEquals(List.of("input", "attestations"), noSource.getList("data.createAgreement.userErrors[0].field"));

        JsonPath twice = as(DevTokens.editor(), "createAgreement", "input", input(List.of(party, party)));
        assertEquals(List.of("input", "parties", "1"), twice.getList("data.createAgreement.userErrors[0].field"));

        Map<String, Object> wrongType = input(List.of(party));
        wrongType.put("signedAt", party);
        JsonPath notAnEncounter = as(DevTokens.editor(), "createAgreement", "input", wrongType);
        assertEquals("NOT_FOUND", notAnEncounter.getString("data.createAgreement.userErrors[0].code"));
        assertEquals(List.of("input", "signedAt"), notAnEncounter.getList("data.createAgreement.userErrors[0].field"));

        Map<String, Object> badStepSource = input(List.of(party));
        badStepSource.put("steps", List.of(step("SIGNED", null, null, Ids.of("Source", 999_999_999L))));
        JsonPath noSuchSource = as(DevTokens.editor(), "createAgreement", "input", badStepSource);
        assertEquals(List.of("input", "steps", "0", "source"),
                noSuchSource.getList("data.createAgreement.userErrors[0].field"));
        assertEquals(0, Database.count("select count(*) from agreement_party where actor_id = ?", Ids.dbId(party)));

        // editors only
        assertEquals("FORBIDDEN", GraphQL.post(GraphQL.operation("createAgreement"), Map.of("input",
                input(List.of(party))), DevTokens.mint("reader", 600, "viewer")).extract().path("errors[0].extensions.code"));
    }
}
