package org.parley.intake;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testsupport.GraphQL.as;
import static org.parley.testsupport.GraphQL.operation;
import static org.parley.testsupport.GraphQL.post;
import static org.parley.testsupport.GraphQL.vars;

import java.util.ArrayList;
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

/**
 * proposeFromArticle, acceptIntake, discardIntake and intakes through GraphQL, on a short article written for the
 * test about records of the curated data set (Lavrov's 2018 visit to Pyongyang).
 */
@QuarkusTest
class IntakeTest {

    /** A new actor's name, another every time: capitalised words, as names are printed. */
    private static String envoy() {
        return "Zz Test Q" + new java.util.Random().ints(6, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    }

    private static String article(String envoy) {
        return String.join("\n",
            "Lavrov meets Kim in Pyongyang",
            "",
            "Foreign Minister Sergey V. Lavrov met Kim Jong Un in Pyongyang on Thursday, the foreign ministry said.",
            "“We will keep supporting dialogue on the Korean Peninsula in every way we can,” Lavrov said after"
                    + " the talks. “Sanctions cannot solve this.”",
            "A senior State Department official said, “We are watching the visit closely and without alarm.”",
            "Moscow denied that it had discussed weapons with its hosts.",
            "“Everything was agreed in a friendly spirit and quickly,” said " + envoy + ", a visiting envoy.");
    }

    private static final List<String> INTAKES = new ArrayList<>();

    @AfterAll
    static void removeWhatTheTestsCreated() {
        for (String id : INTAKES) {
            for (Map<String, Object> row : Database.rows("select r->>'record' as record from intake i,"
                    + " jsonb_array_elements(coalesce(i.accepted, '[]'::jsonb)) r where i.id = ?", dbId(id))) {
                String record = (String) row.get("record");
                String plain = new String(java.util.Base64.getUrlDecoder().decode(record));
                if (plain.startsWith("Statement:")) {
                    long statement = Ids.dbId(record);
                    Database.execute("delete from change_log where node_type = 'Statement' and node_id = ?", statement);
                    Database.execute("delete from attestation where statement_id = ?", statement);
                    Database.execute("delete from statement where id = ?", statement);
                }
            }
            Database.execute("delete from intake where id = ?", dbId(id));
        }
        TestRows.removeAll();
    }

    private static long dbId(String intakeId) {
        String plain = new String(java.util.Base64.getUrlDecoder().decode(intakeId));
        return Long.parseLong(plain.substring(plain.indexOf(':') + 1));
    }

    static Map<String, Object> input(String text, String title) {
        Map<String, Object> input = new HashMap<>();
        input.put("title", title);
        input.put("published", "2018-06-01T10:00:00+03:00");
        input.put("language", "en");
        input.put("text", text);
        return input;
    }

    private static JsonPath propose(String text, String title) throws Exception {
        JsonPath body = as(DevTokens.editor(), "proposeFromArticle", "input", input(text, title), "first", 100);
        String id = body.getString("data.proposeFromArticle.intake.id");
        if (id != null) {
            INTAKES.add(id);
        }
        return body;
    }

    private static Map<String, Object> proposal(JsonPath body, String kind, String containing) {
        List<Map<String, Object>> all = body.getList("data.proposeFromArticle.intake.proposals");
        return all.stream().filter(p -> p.get("kind").equals(kind) && ((String) p.get("text")).contains(containing))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " with " + containing + " in " + all));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String field) {
        return (Map<String, Object>) parent.get(field);
    }

    @Test
    void proposesQuotesSpeakersReportedSpeechDatesAndTheRecordedEncounter() throws Exception {
        String envoy = envoy();
        String text = article(envoy);
        JsonPath body = propose(text, TestRows.unique("Intake"));
        assertEquals(List.of(), body.getList("data.proposeFromArticle.userErrors"));
        assertEquals("OPEN", body.getString("data.proposeFromArticle.intake.status"));
        assertEquals("2018-06-01", body.getString("data.proposeFromArticle.intake.publishedOn"));
        List<Map<String, Object>> all = body.getList("data.proposeFromArticle.intake.proposals");
        for (Map<String, Object> p : all) {
            int start = (Integer) p.get("start");
            int end = (Integer) p.get("end");
            if (!p.get("kind").equals("QUOTE") || !((String) p.get("text")).contains("\n")) {
                assertEquals(text.substring(start, end), p.get("text"), "offsets of " + p);
            }
        }

        Map<String, Object> dialogue = proposal(body, "QUOTE", "keep supporting dialogue");
        assertEquals("We will keep supporting dialogue on the Korean Peninsula in every way we can",
                dialogue.get("text"), "the comma before the closing mark is the reporting sentence's");
        assertEquals("EXISTING", map(dialogue, "speaker").get("match"));
        assertEquals("Sergey Lavrov", map(map(dialogue, "speaker"), "actor").get("name"));
        Map<String, Object> sanctions = proposal(body, "QUOTE", "Sanctions cannot");
        assertEquals("Sergey Lavrov", map(map(sanctions, "speaker"), "actor").get("name"), "carried on");

        Map<String, Object> official = proposal(body, "QUOTE", "watching the visit");
        assertEquals("DESCRIBED", map(official, "speaker").get("match"));
        assertEquals("A senior State Department official", map(official, "speaker").get("name"));

        Map<String, Object> fromEnvoy = proposal(body, "QUOTE", "friendly spirit");
        assertEquals("NEW", map(fromEnvoy, "speaker").get("match"));
        assertEquals(envoy, map(fromEnvoy, "speaker").get("name"));

        Map<String, Object> denial = proposal(body, "REPORTED_SPEECH", "Moscow denied");
        assertEquals("DENIAL", denial.get("statementKind"));
        assertEquals("Russia", map(map(denial, "speaker"), "actor").get("name"), "Moscow is an alias of Russia");

        Map<String, Object> thursday = proposal(body, "DATE", "on Thursday");
        assertEquals("2018-05-31", map(thursday, "date").get("date"));
        assertEquals("DAY", map(thursday, "date").get("precision"));
        assertEquals("2018-06-01", map(thursday, "date").get("latest"), "the report's day stays possible");
        assertEquals("EVENT_DAY_ASSUMED", map(thursday, "date").get("resolution"));

        Map<String, Object> meeting = proposal(body, "ENCOUNTER", "met Kim Jong Un");
        assertEquals("Pyongyang", map(meeting, "encounter").get("place"));
        Map<String, Object> matches = map(map(meeting, "encounter"), "matches");
        assertNotNull(matches, "the curated meeting is proposed as the one the article reports");
        assertEquals(Ids.bySlug("Encounter", "lavrov-meets-kim-2018"), matches.get("id"));
    }

    @Test
    void acceptWritesTheChosenProposalsOnceWithExactExcerpts() throws Exception {
        String title = TestRows.unique("Intake");
        String envoy = envoy();
        String text = article(envoy);
        JsonPath body = propose(text, title);
        String intake = body.getString("data.proposeFromArticle.intake.id");
        List<Map<String, Object>> accept = new ArrayList<>();
        for (String[] chosen : new String[][] { { "QUOTE", "keep supporting" }, { "QUOTE", "watching the visit" },
                { "REPORTED_SPEECH", "Moscow denied" }, { "ENCOUNTER", "met Kim Jong Un" },
                { "QUOTE", "friendly spirit" } }) {
            accept.add(Map.of("proposal", proposal(body, chosen[0], chosen[1]).get("id")));
        }
        long encounter = Ids.dbId(Ids.bySlug("Encounter", "lavrov-meets-kim-2018"));
        long attestationsBefore = Database.count("select count(*) from attestation where encounter_id = ?", encounter);

        JsonPath accepted = as(DevTokens.editor(), "acceptIntake", "input", Map.of("intake", intake, "accept", accept));
        assertEquals(List.of(), accepted.getList("data.acceptIntake.userErrors"));
        assertEquals("ACCEPTED", accepted.getString("data.acceptIntake.intake.status"));
        assertNull(accepted.getString("data.acceptIntake.intake.text"), "the text goes once the intake is closed");
        assertEquals(title, accepted.getString("data.acceptIntake.intake.source.title"));
        List<Map<String, Object>> records = accepted.getList("data.acceptIntake.intake.accepted");
        long source = Ids.dbId(accepted.getString("data.acceptIntake.intake.source.id"));
        for (String excerpt : Database.<String> column("select excerpt from attestation where source_id = ?", source)) {
            assertTrue(text.contains(excerpt), "exact excerpt: " + excerpt);
        }
        assertEquals(4, Database.count("select count(*) from attestation where source_id = ? and statement_id is not null",
                source), "three quotes and a denial");
        assertEquals(attestationsBefore + 1, Database.count("select count(*) from attestation where encounter_id = ?",
                encounter), "the recorded encounter is attested, not recorded again");
        assertTrue(records.stream().anyMatch(r -> r.get("action").equals("ATTESTED")));
        assertEquals(1, Database.count("select count(*) from actor where name = ?", envoy));
        assertEquals(1, Database.count("select count(*) from statement s join attestation a on a.statement_id = s.id"
                + " where a.source_id = ? and s.kind = 'DENIAL' and s.mode = 'PARAPHRASE'"
                + " and s.speaker_id = (select id from actor where slug = 'russia')", source));
        assertEquals(1, Database.count("select count(*) from statement s join attestation a on a.statement_id = s.id"
                + " where a.source_id = ? and s.speaker_label = 'A senior State Department official'", source));

        // the second time: refused, nothing written
        long statements = Database.count("select count(*) from statement");
        post(operation("acceptIntake"), vars("input", Map.of("intake", intake, "accept", accept)), DevTokens.editor())
                .statusCode(200)
                .body("data.acceptIntake.userErrors[0].code", equalTo("CONFLICT"));
        assertEquals(statements, Database.count("select count(*) from statement"));
        assertEquals(attestationsBefore + 1, Database.count("select count(*) from attestation where encounter_id = ?",
                encounter));
    }

    @Test
    void aNewSpeakerGetsTheRoleTheArticleGives() throws Exception {
        String minister = envoy();
        String text = "North Korean Defense Minister " + minister + " spoke at the parade.\n"
                + "“Our forces are ready for anything the coming year may bring,” " + minister + " said.";
        JsonPath body = propose(text, TestRows.unique("Intake"));
        Map<String, Object> quote = proposal(body, "QUOTE", "Our forces");
        assertEquals("NEW", map(quote, "speaker").get("match"));
        assertEquals("North Korean Defense Minister", map(quote, "speaker").get("title"));
        JsonPath accepted = as(DevTokens.editor(), "acceptIntake", "input", Map.of("intake",
                body.getString("data.proposeFromArticle.intake.id"), "accept", List.of(Map.of("proposal", quote.get("id")))));
        assertEquals(List.of(), accepted.getList("data.acceptIntake.userErrors"));
        List<Map<String, Object>> roles = Database.rows("select r.title, o.slug as organization, r.source_id"
                + " from actor_role r join actor a on a.id = r.actor_id left join actor o on o.id = r.organization_id"
                + " where a.name = ?", minister);
        assertEquals(1, roles.size(), roles.toString());
        assertEquals("Defense Minister", roles.get(0).get("title"));
        assertEquals("north-korea", roles.get(0).get("organization"), "the state the nationality names");
        assertEquals(Ids.dbId(accepted.getString("data.acceptIntake.intake.source.id")),
                ((Number) roles.get(0).get("source_id")).longValue(), "the article is the role's source");
    }

    @Test
    void aRefusalDuringAcceptanceLeavesNothingWritten() throws Exception {
        String title = TestRows.unique("Intake");
        JsonPath body = propose(article(envoy()), title);
        String intake = body.getString("data.proposeFromArticle.intake.id");
        long statements = Database.count("select count(*) from statement");
        List<Map<String, Object>> accept = List.of(
                Map.of("proposal", proposal(body, "QUOTE", "keep supporting").get("id")),
                Map.of("proposal", proposal(body, "ENCOUNTER", "met Kim Jong Un").get("id"),
                        "encounter", Ids.of("Encounter", 999_999_999L)));
        JsonPath refused = as(DevTokens.editor(), "acceptIntake", "input", Map.of("intake", intake, "accept", accept));
        assertEquals("NOT_FOUND", refused.getString("data.acceptIntake.userErrors[0].code"));
        assertEquals(List.of("input", "accept", "1", "encounter"), refused.getList("data.acceptIntake.userErrors[0].field"));
        assertEquals(statements, Database.count("select count(*) from statement"), "the first quote was rolled back");
        assertEquals(0, Database.count("select count(*) from source where title = ?", title));
        assertEquals("OPEN", Database.column("select status from intake where id = ?", dbId(intake)).get(0));

        JsonPath none = as(DevTokens.editor(), "acceptIntake", "input", Map.of("intake", intake, "accept", List.of()));
        assertEquals("INVALID", none.getString("data.acceptIntake.userErrors[0].code"), "nothing accepted: discard it");
        assertEquals(0, Database.count("select count(*) from source where title = ?", title));

        JsonPath discarded = as(DevTokens.editor(), "discardIntake", "input", Map.of("intake", intake));
        assertEquals("DISCARDED", discarded.getString("data.discardIntake.intake.status"));
        assertNull(discarded.getString("data.discardIntake.intake.text"));
        JsonPath again = as(DevTokens.editor(), "discardIntake", "input", Map.of("intake", intake));
        assertEquals("CONFLICT", again.getString("data.discardIntake.userErrors[0].code"));
    }

    @Test
    void intakesAreForEditors() throws Exception {
        propose(article(envoy()), TestRows.unique("Intake"));
        JsonPath list = as(DevTokens.editor(), "intakes", "first", 5);
        assertTrue(list.getList("data.intakes.nodes").size() >= 1);
        post("query($id: ID!) { intake(id: $id) { id } }", vars("id", "bm90LWFuLWludGFrZQ"), DevTokens.editor())
                .statusCode(200).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        post(operation("intakes"), vars("first", 5)).statusCode(200)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        post(operation("intakes"), vars("first", 5), DevTokens.mint("reader", 600, "viewer")).statusCode(200)
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void hostileTextIsRefusedOrBounded() throws Exception {
        String title = TestRows.unique("Intake");
        // control characters: refused with the offset
        JsonPath control = as(DevTokens.editor(), "proposeFromArticle", "input", input("He said \u0000 “no”.", title));
        assertEquals("INVALID", control.getString("data.proposeFromArticle.userErrors[0].code"));
        assertEquals(List.of("input", "text"), control.getList("data.proposeFromArticle.userErrors[0].field"));
        assertTrue(control.getString("data.proposeFromArticle.userErrors[0].message").contains("offset 8"));

        // a publication date that is neither a date nor a date-time
        Map<String, Object> badDate = input("“Fine,” she said.", title);
        badDate.put("published", "last Tuesday");
        JsonPath published = as(DevTokens.editor(), "proposeFromArticle", "input", badDate);
        assertEquals(List.of("input", "published"), published.getList("data.proposeFromArticle.userErrors[0].field"));

        // 100,000 quotations are more text than an intake takes
        JsonPath many = as(DevTokens.editor(), "proposeFromArticle", "input", input("\"a\" ".repeat(100_000), title));
        assertEquals("INVALID", many.getString("data.proposeFromArticle.userErrors[0].code"));

        // within the size limit: 30,000 quotations and unbalanced marks, bounded proposals, answered in time
        String crowded = "“a b” ".repeat(30_000) + "“never closed\n‘nor this\n” stray";
        long started = System.nanoTime();
        JsonPath bounded = propose(crowded, title);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(List.of(), bounded.getList("data.proposeFromArticle.userErrors"));
        assertTrue(bounded.getBoolean("data.proposeFromArticle.intake.truncated"));
        String id = bounded.getString("data.proposeFromArticle.intake.id");
        assertTrue(Database.count("select jsonb_array_length(proposals) from intake where id = ?", dbId(id)) <= 1000);
        // a bound that catches work growing faster than the text (minutes), not a timing: 10.9 s was seen at load 18
        // on two cores; timings are the intake evaluation's (docs/INTAKE.md)
        assertTrue(millis < 30_000, "answered in " + millis + " ms");

        JsonPath unbalanced = propose("“never closed\n‘nor this\nHe said ” stray. “Fine,” she said.", title);
        assertTrue(unbalanced.getInt("data.proposeFromArticle.intake.unbalancedQuoteMarks") >= 3);
        assertEquals(1, unbalanced.getList("data.proposeFromArticle.intake.proposals.findAll { it.kind == 'QUOTED_PHRASE' }")
                .size());

        // 5 MB: over the request body limit, refused before any reading
        post(operation("proposeFromArticle"), vars("input", input("x".repeat(5_000_000), title)), DevTokens.editor())
                .statusCode(413)
                .body("errors[0].extensions.code", notNullValue());
    }
}
