package org.parley.statement;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.parley.testsupport.GraphQL.as;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;

/**
 * updateStatement changes what a statement is linked to, as an editor corrects one recorded in haste: its speaker,
 * where it was said, what it answers, and the actors, encounters and agreements it is about.
 */
@QuarkusTest
class StatementLinksUpdateTest {

    private static final String CHANGES = "select count(*) from change_log where node_type = 'Statement' and node_id = ?";

    @AfterAll
    static void removeWhatTheTestsCreated() {
        TestRows.removeAll();
    }

    /** A statement recorded with the wrong speaker and none of its links, as a first draft. */
    private static String draft(String words) throws Exception {
        Map<String, Object> input = new HashMap<>();
        input.put("text", "Zz test: " + words + " " + TestRows.unique("draft"));
        input.put("mode", "PARAPHRASE");
        input.put("kind", "CLAIM");
        input.put("speaker", Ids.bySlug("Actor", "vladimir-putin"));
        input.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", "unattributed-2023-11-06"),
                "excerpt", "zz test excerpt")));
        JsonPath body = as(DevTokens.editor(), "recordStatement", "input", input);
        assertThat(body.getList("data.recordStatement.userErrors"), empty());
        return body.getString("data.recordStatement.statement.id");
    }

    static JsonPath update(Map<String, Object> input) throws Exception {
        return as(DevTokens.editor(), "updateStatementLinks", "input", input);
    }

    static Map<String, Object> change(String id, int version) {
        Map<String, Object> input = new HashMap<>();
        input.put("id", id);
        input.put("version", version);
        return input;
    }

    @Test
    void anEditorLinksADraftStatementThenClearsTheLinksAndANoOpChangesNothing() throws Exception {
        String id = draft("the agreements reached at the summit are being carried out");
        long dbId = Ids.dbId(id);
        String lavrov = Ids.bySlug("Actor", "sergey-lavrov");
        String kim = Ids.bySlug("Actor", "kim-jong-un");
        String putin = Ids.bySlug("Actor", "vladimir-putin");
        String talks = Ids.bySlug("Encounter", "choe-son-hui-lavrov-talks-2025");
        String vostochny = Ids.bySlug("Encounter", "kim-putin-vostochny-summit-2023");
        String panmunjom = Ids.bySlug("Agreement", "panmunjom-declaration-2018");
        String answered = Ids.bySlug("Statement", "kim-invites-putin-to-north-korea");

        // Lavrov said it, at his talks with Choe Son Hui, of the Vostochny summit, answering Kim's invitation
        Map<String, Object> links = change(id, 0);
        links.put("speaker", lavrov);
        links.put("encounter", talks);
        links.put("respondsTo", answered);
        links.put("about", List.of(kim, putin, kim));
        links.put("aboutEncounters", List.of(vostochny));
        links.put("aboutAgreements", List.of(panmunjom));
        JsonPath linked = update(links);
        assertThat(linked.getList("data.updateStatement.userErrors"), empty());
        String s = "data.updateStatement.statement.";
        assertEquals(lavrov, linked.getString(s + "speaker.id"));
        assertEquals(talks, linked.getString(s + "encounter.id"));
        assertThat(linked.getList(s + "encounter.statements.id"), hasItem(id));
        assertEquals(answered, linked.getString(s + "respondsTo.id"));
        assertThat(linked.getList(s + "respondsTo.responses.id"), hasItem(id));
        assertEquals(List.of(kim, putin), linked.getList(s + "about.id")); // each once, in the order given
        assertEquals(List.of(vostochny), linked.getList(s + "aboutEncounters.id"));
        assertThat(linked.getList(s + "aboutEncounters[0].statementsAbout.id"), hasItem(id));
        assertEquals(List.of(panmunjom), linked.getList(s + "aboutAgreements.id"));
        assertThat(linked.getList(s + "aboutAgreements[0].statementsAbout.id"), hasItem(id));
        assertEquals(1, linked.getInt(s + "version"));
        assertEquals(2, Database.count(CHANGES, dbId)); // recordStatement, updateStatement

        // the same links again (the repeated actor too): no change, no version, no entry
        links.put("version", 1);
        JsonPath same = update(links);
        assertThat(same.getList("data.updateStatement.userErrors"), empty());
        assertEquals(1, same.getInt(s + "version"));
        assertEquals(2, Database.count(CHANGES, dbId));

        // the order of a list is what is read back: a new order is a change
        Map<String, Object> reordered = change(id, 1);
        reordered.put("about", List.of(putin, kim));
        JsonPath turned = update(reordered);
        assertEquals(List.of(putin, kim), turned.getList(s + "about.id"));
        assertEquals(2, turned.getInt(s + "version"));
        assertEquals(3, Database.count(CHANGES, dbId));

        // clearing: null clears a link or a list, an empty list clears a list, what is left out stays
        Map<String, Object> clear = change(id, 2);
        clear.put("encounter", null);
        clear.put("respondsTo", null);
        clear.put("about", null);
        clear.put("aboutEncounters", List.of());
        JsonPath cleared = update(clear);
        assertThat(cleared.getList("data.updateStatement.userErrors"), empty());
        assertNull(cleared.get(s + "encounter"));
        assertNull(cleared.get(s + "respondsTo"));
        assertThat(cleared.getList(s + "about"), empty());
        assertThat(cleared.getList(s + "aboutEncounters"), empty());
        assertEquals(List.of(panmunjom), cleared.getList(s + "aboutAgreements.id"));
        assertEquals(lavrov, cleared.getString(s + "speaker.id"));
        assertEquals(3, cleared.getInt(s + "version"));
        assertEquals(0, Database.count("select count(*) from statement_about where statement_id = ?", dbId));
        assertEquals(0, Database.count("select count(*) from statement_about_encounter where statement_id = ?", dbId));
    }

    @Test
    void theSpeakerIsClearedOnlyWhenALabelSaysWhoSpoke() throws Exception {
        String id = draft("talks will continue");
        Map<String, Object> anonymous = change(id, 0);
        anonymous.put("speaker", null);
        JsonPath refused = update(anonymous);
        assertEquals("INVALID", refused.getString("data.updateStatement.userErrors[0].code"));
        assertEquals(List.of("input", "speaker"), refused.getList("data.updateStatement.userErrors[0].field"));
        assertEquals(0, TestRows.version("statement", id));

        anonymous.put("speakerLabel", "a Kremlin source");
        JsonPath described = update(anonymous);
        assertThat(described.getList("data.updateStatement.userErrors"), empty());
        assertNull(described.get("data.updateStatement.statement.speaker"));
        assertEquals("a Kremlin source", described.getString("data.updateStatement.statement.speakerLabel"));
    }

    @Test
    void refusesLinksOfTheWrongKindUnknownOnesLoopsAndTooManyAndChangesNothing() throws Exception {
        String first = draft("the visit is being prepared");
        String reply = draft("no date has been set");
        Map<String, Object> answer = change(reply, 0);
        answer.put("respondsTo", first);
        assertThat(update(answer).getList("data.updateStatement.userErrors"), empty());

        assertRefused(first, "respondsTo", first, "INVALID", List.of("input", "respondsTo")); // itself
        assertRefused(first, "respondsTo", reply, "INVALID", List.of("input", "respondsTo")); // its own answer
        assertRefused(first, "speaker", Ids.bySlug("Encounter", "six-party-talks"), "NOT_FOUND",
                List.of("input", "speaker"));
        assertRefused(first, "encounter", Ids.of("Encounter", 99999999), "NOT_FOUND", List.of("input", "encounter"));
        assertRefused(first, "about", List.of(Ids.bySlug("Actor", "russia"), Ids.bySlug("Encounter", "six-party-talks")),
                "NOT_FOUND", List.of("input", "about", "1"));
        assertRefused(first, "aboutEncounters", List.of(Ids.of("Encounter", 99999999)), "NOT_FOUND",
                List.of("input", "aboutEncounters", "0"));
        assertRefused(first, "aboutAgreements", List.of(Ids.bySlug("Actor", "russia")), "NOT_FOUND",
                List.of("input", "aboutAgreements", "0"));
        assertEquals(0, TestRows.version("statement", first));
        assertEquals(1, Database.count(CHANGES, Ids.dbId(first)));

        // past parley.limits.max-statement-about: refused before any SQL, naming the argument
        List<String> many = new ArrayList<>(Collections.nCopies(101, Ids.bySlug("Actor", "russia")));
        Map<String, Object> tooMany = change(first, 0);
        tooMany.put("aboutEncounters", many);
        String message = GraphQL.post(GraphQL.operation("updateStatementLinks"), GraphQL.vars("input", tooMany),
                DevTokens.editor()).statusCode(200).extract().jsonPath().getString("errors[0].message");
        assertThat(message, containsString("input.aboutEncounters: at most 100"));
    }

    @Test
    void twoEditorsMakingTwoStatementsAnswerEachOtherAtOnceCannotCloseALoop() throws Exception {
        // each pair: one editor says A answers B while another says B answers A, both at the same moment
        int pairs = 6;
        List<String[]> statements = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            statements.add(new String[] { draft("first of pair " + i), draft("second of pair " + i) });
        }
        ExecutorService pool = Executors.newFixedThreadPool(2 * pairs);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<Object>>> answers = new ArrayList<>();
            for (String[] pair : statements) {
                for (int side = 0; side < 2; side++) {
                    Map<String, Object> input = change(pair[side], 0);
                    input.put("respondsTo", pair[1 - side]);
                    answers.add(pool.submit(() -> {
                        start.await();
                        return update(input).getList("data.updateStatement.userErrors.code");
                    }));
                }
            }
            start.countDown();
            for (int i = 0; i < pairs; i++) {
                List<Object> one = answers.get(2 * i).get(60, TimeUnit.SECONDS);
                List<Object> other = answers.get(2 * i + 1).get(60, TimeUnit.SECONDS);
                // exactly one accepted; the other saw it and was refused
                assertEquals(List.of(List.of(), List.of("INVALID")), one.isEmpty() ? List.of(one, other)
                        : List.of(other, one), "pair " + i);
            }
        } finally {
            pool.shutdownNow();
        }
        for (String[] pair : statements) {
            assertEquals(0, Database.count("select count(*) from statement a join statement b on b.id = a.responds_to_id"
                    + " where a.id = ? and b.responds_to_id = a.id", Ids.dbId(pair[0])));
        }
    }

    static void assertRefused(String id, String field, Object value, String code, List<String> path)
            throws Exception {
        Map<String, Object> input = change(id, 0);
        input.put(field, value);
        JsonPath refused = update(input);
        assertEquals(code, refused.getString("data.updateStatement.userErrors[0].code"), field + " " + value);
        assertEquals(path, refused.getList("data.updateStatement.userErrors[0].field"));
        assertNull(refused.get("data.updateStatement.statement"));
    }
}
