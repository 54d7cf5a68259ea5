package org.parley.agreement;

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
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** attest and removeAttestation with {@code agreement}: a second source for a treaty, then withdrawn. */
@QuarkusTest
class AgreementAttestationsTest {

    private static final String MONEYCONTROL = "moneycontrol-2018-06-01";
    private static final String NEXTSHARK = "nextshark-kim-putin-summit";
    private static final String CHANGES = "select operation from change_log where node_type = 'Agreement'"
            + " and node_id = ? order by id";

    @AfterAll
    static void removeWhatTheTestsCreated() {
        TestRows.removeAll();
    }

    private static String treaty() throws Exception {
        Map<String, Object> input = new HashMap<>();
        input.put("title", TestRows.unique("Treaty"));
        input.put("kind", "TREATY");
        input.put("parties", List.of(Ids.bySlug("Actor", "russia"), Ids.bySlug("Actor", "north-korea")));
        input.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", MONEYCONTROL), "excerpt",
                "zz test first excerpt")));
        JsonPath body = as(DevTokens.editor(), "createAgreement", "input", input);
        assertThat(body.getList("data.createAgreement.userErrors"), empty());
        return body.getString("data.createAgreement.agreement.id");
    }

    private static Map<String, Object> attestation(String agreement, String source) {
        Map<String, Object> input = new HashMap<>();
        input.put("agreement", agreement);
        input.put("source", Ids.bySlug("Source", source));
        input.put("excerpt", "zz test the treaty was signed");
        input.put("reportedDate", Map.of("date", "2024-06-19", "precision", "DAY"));
        return input;
    }

    @Test
    void aSecondSourceAttestsATreatyAndIsWithdrawnButNotTheLastOne() throws Exception {
        String id = treaty();
        long dbId = Ids.dbId(id);
        String nextshark = Ids.bySlug("Source", NEXTSHARK);
        String moneycontrol = Ids.bySlug("Source", MONEYCONTROL);

        JsonPath attested = as(DevTokens.editor(), "attestAgreement", "input", attestation(id, NEXTSHARK));
        assertThat(attested.getList("data.attest.userErrors"), empty());
        String a = "data.attest.attestation.";
        assertEquals("zz test the treaty was signed", attested.getString(a + "excerpt"));
        assertEquals(Map.of("date", "2024-06-19", "precision", "DAY"), attested.getMap(a + "reportedDate"));
        assertEquals(nextshark, attested.getString(a + "source.id"));
        assertNull(attested.get(a + "encounter"));
        assertNull(attested.get(a + "statement"));
        assertEquals(id, attested.getString(a + "agreement.id"));
        // read back where agreements keep theirs, after the first
        assertEquals(List.of(moneycontrol, nextshark), attested.getList(a + "agreement.attestations.source.id"));
        // updateAgreement replaces this list: a new version, so an update based on the old list gets CONFLICT
        assertEquals(1, attested.getInt(a + "agreement.version"));
        assertEquals(List.of("createAgreement", "attest"), Database.column(CHANGES, dbId));

        JsonPath twice = as(DevTokens.editor(), "attestAgreement", "input", attestation(id, NEXTSHARK));
        assertEquals("TAKEN", twice.getString("data.attest.userErrors[0].code"));
        assertEquals(List.of("input", "source"), twice.getList("data.attest.userErrors[0].field"));

        Map<String, Object> remove = Map.of("agreement", id, "source", moneycontrol);
        JsonPath removed = as(DevTokens.editor(), "removeAgreementAttestation", "input", remove);
        assertThat(removed.getList("data.removeAttestation.userErrors"), empty());
        assertEquals(id, removed.getString("data.removeAttestation.agreement.id"));
        assertNull(removed.get("data.removeAttestation.encounter"));
        assertEquals(List.of(nextshark), removed.getList("data.removeAttestation.agreement.attestations.source.id"));
        assertEquals(List.of("createAgreement", "attest", "removeAttestation"), Database.column(CHANGES, dbId));

        JsonPath last = as(DevTokens.editor(), "removeAgreementAttestation", "input",
                Map.of("agreement", id, "source", nextshark));
        assertEquals("LAST_ATTESTATION", last.getString("data.removeAttestation.userErrors[0].code"));
        assertNull(last.get("data.removeAttestation.agreement"));
        JsonPath absent = as(DevTokens.editor(), "removeAgreementAttestation", "input", remove);
        assertEquals("NOT_FOUND", absent.getString("data.removeAttestation.userErrors[0].code"));
        assertEquals(1, Database.count("select count(*) from agreement_attestation where agreement_id = ?", dbId));
    }

    @Test
    void exactlyOneOfEncounterStatementAndAgreement() throws Exception {
        String id = treaty();
        Map<String, Object> two = attestation(id, NEXTSHARK);
        two.put("encounter", Ids.bySlug("Encounter", "six-party-talks"));
        JsonPath refused = as(DevTokens.editor(), "attestAgreement", "input", two);
        assertEquals("INVALID", refused.getString("data.attest.userErrors[0].code"));
        assertEquals(List.of("input"), refused.getList("data.attest.userErrors[0].field"));
        Map<String, Object> none = attestation(id, NEXTSHARK);
        none.remove("agreement");
        assertEquals("INVALID", as(DevTokens.editor(), "attestAgreement", "input", none)
                .getString("data.attest.userErrors[0].code"));
        JsonPath removeTwo = as(DevTokens.editor(), "removeAgreementAttestation", "input", Map.of("agreement", id,
                "statement", Ids.bySlug("Statement", "kim-invites-putin-to-north-korea"), "source",
                Ids.bySlug("Source", MONEYCONTROL)));
        assertEquals("INVALID", removeTwo.getString("data.removeAttestation.userErrors[0].code"));
        Map<String, Object> wrongKind = attestation(Ids.bySlug("Encounter", "six-party-talks"), NEXTSHARK);
        JsonPath notAnAgreement = as(DevTokens.editor(), "attestAgreement", "input", wrongKind);
        assertEquals("NOT_FOUND", notAnAgreement.getString("data.attest.userErrors[0].code"));
        assertEquals(List.of("input", "agreement"), notAnAgreement.getList("data.attest.userErrors[0].field"));
        Map<String, Object> gone = attestation(Ids.of("Agreement", 99999999), NEXTSHARK);
        assertEquals(List.of("input", "agreement"), as(DevTokens.editor(), "attestAgreement", "input", gone)
                .getList("data.attest.userErrors[0].field"));
        assertEquals(1, Database.count("select count(*) from agreement_attestation where agreement_id = ?",
                Ids.dbId(id)));
        assertEquals(0, TestRows.version("agreement", id));
    }
}
