package org.parley.bulk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** POST /import: counts, idempotence, all-or-nothing, references across lines, audit, authorization. */
@QuarkusTest
class ImportTest {

    private static final String NEW_RECORDS = TestRecords.file("new-records.jsonl");

    @BeforeEach
    void startWithoutTestRecords() {
        TestRows.removeAll();
    }

    @AfterAll
    static void deleteTestRecords() {
        TestRows.removeAll();
    }

    static ValidatableResponse post(String body, String token, String contentType) {
        var request = given().contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8));
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.when().post("/import").then();
    }

    static JsonPath importAs(String token, String body) {
        return post(body, token, "application/x-ndjson").statusCode(200).body("committed", equalTo(true))
                .extract().jsonPath();
    }

    static String editor() throws Exception {
        return DevTokens.mint("test-importer", 600, "editor");
    }

    @Test
    void newRecordsAreCreatedWithTheirReferencesAndAudited() throws Exception {
        long audited = Database.count("select count(*) from change_log");
        JsonPath report = importAs(editor(), NEW_RECORDS);
        assertEquals(List.of(9, 9, 0, 0, 0), List.of(report.getInt("lines"), report.getInt("created"),
                report.getInt("updated"), report.getInt("unchanged"), report.getInt("rejected")));

        // references to later lines (country, organization, respondsTo), by Wikidata ID, by name and by URL
        assertEquals("zz-test-import-state", slugOf("select c.slug from actor a join actor c on c.id = a.country_id"
                + " where a.slug = 'zz-test-import-envoy'"));
        assertEquals("zz-test-import-state", slugOf("select o.slug from actor_role r join actor a on a.id = r.actor_id"
                + " join actor o on o.id = r.organization_id where a.slug = 'zz-test-import-envoy'"));
        assertEquals("zz-test-import-claim", slugOf("select c.slug from statement s join statement c"
                + " on c.id = s.responds_to_id where s.slug = 'zz-test-import-reply'"));
        assertEquals("vladimir-putin", slugOf("select a.slug from statement s join actor a on a.id = s.speaker_id"
                + " where s.slug = 'zz-test-import-reply'"));
        assertEquals(List.of("zz-test-import-envoy:GUEST", "russia:HOST"), Database.column("select a.slug || ':' ||"
                + " p.role from participant p join actor a on a.id = p.actor_id"
                + " join encounter e on e.id = p.encounter_id where e.slug = 'zz-test-import-meeting'"
                + " order by p.position"));
        assertEquals(2, Database.count("select count(*) from attestation a join source s on s.id = a.source_id"
                + " where s.slug = 'zz-test-import-source' and a.statement_id is not null"));
        // a new encounter without a history starts one from its status and first source, like recordEncounter
        assertEquals(List.of("HELD:zz-test-import-source"), Database.column("select h.status || ':' || s.slug"
                + " from encounter_status_change h join source s on s.id = h.source_id join encounter e"
                + " on e.id = h.encounter_id where e.slug = 'zz-test-import-meeting'"));
        // one change-log entry per record written (an attestation counts for its encounter or statement)
        assertEquals(audited + 6, Database.count("select count(*) from change_log"));
        assertEquals(6, Database.count("select count(*) from change_log where subject = 'test-importer'"
                + " and operation = 'import'"));
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndSaysSo() throws Exception {
        importAs(editor(), NEW_RECORDS);
        long audited = Database.count("select count(*) from change_log");
        Map<String, Long> rows = TestRecords.rowCounts();
        long versions = Database.count("select (select sum(version) from actor where slug like 'zz-test-%')"
                + " + (select sum(version) from encounter where slug like 'zz-test-%')"
                + " + (select sum(version) from statement where slug like 'zz-test-%')");

        JsonPath again = importAs(editor(), NEW_RECORDS);
        assertEquals(List.of(0, 0, 9), List.of(again.getInt("created"), again.getInt("updated"),
                again.getInt("unchanged")));
        assertEquals(rows, TestRecords.rowCounts());
        assertEquals(audited, Database.count("select count(*) from change_log"));
        assertEquals(versions, Database.count("select (select sum(version) from actor where slug like 'zz-test-%')"
                + " + (select sum(version) from encounter where slug like 'zz-test-%')"
                + " + (select sum(version) from statement where slug like 'zz-test-%')"));
    }

    @Test
    void aLineSetsOnlyTheFieldsItGives() throws Exception {
        importAs(editor(), NEW_RECORDS);
        JsonPath report = importAs(editor(), """
                {"type":"actor","key":"zz-test-import-envoy","description":"Zz Test envoy of the import test"}
                {"type":"actor","name":"zz test import STATE","description":"Zz Test state, found by its name"}
                {"type":"encounter","key":"zz-test-import-meeting","title":"Zz Test import meeting"}
                """);
        assertEquals(List.of(0, 2, 1), List.of(report.getInt("created"), report.getInt("updated"),
                report.getInt("unchanged")));
        Map<String, Object> envoy = Database.rows("select a.description, a.version, c.slug as country,"
                + " (select string_agg(alias, ',') from actor_alias where actor_id = a.id) as aliases"
                + " from actor a join actor c on c.id = a.country_id where a.slug = 'zz-test-import-envoy'").get(0);
        assertEquals("Zz Test envoy of the import test", envoy.get("description"));
        assertEquals(1, envoy.get("version"));
        assertEquals("zz-test-import-state", envoy.get("country"));
        assertEquals("Zz Test Envoy", envoy.get("aliases"));
        assertEquals("Zz Test state, found by its name", slugOf("select description from actor"
                + " where slug = 'zz-test-import-state'"));
    }

    @Test
    void aLineWithoutKeyFindsItsSourceUnderAnotherSpellingOfTheAddress() throws Exception {
        importAs(editor(), NEW_RECORDS);
        // the same article as a shared link: http, upper-case host, trailing slash, tracking parameter
        JsonPath report = importAs(editor(), """
                {"type":"source","url":"http://EXAMPLE.org/zz-test-import/?utm_campaign=x","reliabilityNote":"Zz Test note"}
                """);
        assertEquals(List.of(0, 1), List.of(report.getInt("created"), report.getInt("updated")));
        assertEquals("Zz Test note", slugOf("select reliability_note from source where slug = 'zz-test-import-source'"));
        // the line gives url, so its spelling is kept (a line sets the fields it gives), on the same source
        assertEquals("http://EXAMPLE.org/zz-test-import/?utm_campaign=x",
                slugOf("select url from source where slug = 'zz-test-import-source'"));
        assertEquals(1, Database.count("select count(*) from source where url_key = 'https://example.org/zz-test-import'"));
    }

    @Test
    void anUncertainDateThatDoesNotFitIsRejectedNamingItsField() throws Exception {
        String line = "{\"type\":\"encounter\",\"key\":\"zz-test-import-backwards\",\"kind\":\"MEETING\","
                + "\"title\":\"Zz Test backwards\",\"status\":\"HELD\",\"start\":{\"date\":\"2024-07-25\","
                + "\"earliest\":\"2024-07-26\",\"latest\":\"2024-07-24\"},"
                + "\"participants\":[{\"actor\":\"north-korea\",\"role\":\"HOST\"}]}\n";
        JsonPath report = post(line, editor(), "application/x-ndjson").statusCode(422)
                .body("committed", equalTo(false)).extract().jsonPath();
        assertEquals("INVALID", report.getString("rejections[0].reason"));
        String message = report.getString("rejections[0].message");
        assertTrue(message.startsWith("start.latest: ") && message.contains("2024-07-24"), message);
        assertEquals(0, Database.count("select count(*) from encounter where slug = 'zz-test-import-backwards'"));
    }

    @Test
    void aStatementIsAboutSourcesAndStatementsOfTheFileButNeverItself() throws Exception {
        String lines = String.join("\n",
                "{\"type\":\"statement\",\"key\":\"zz-test-import-comment\",\"text\":\"Zz Test: a comment.\","
                        + "\"mode\":\"PARAPHRASE\",\"kind\":\"CLAIM\",\"speakerLabel\":\"Zz Test ministry\","
                        + "\"aboutSources\":[\"nextshark-kim-putin-summit\"],"
                        + "\"aboutStatements\":[\"kim-invites-putin-to-north-korea\"]}",
                "{\"type\":\"attestation\",\"source\":\"nextshark-kim-putin-summit\","
                        + "\"statement\":\"zz-test-import-comment\",\"excerpt\":\"Zz Test: comment.\"}",
                "{\"type\":\"statement\",\"key\":\"zz-test-import-comment\","
                        + "\"aboutStatements\":[\"kim-invites-putin-to-north-korea\",\"zz-test-import-comment\"]}",
                "{\"type\":\"statement\",\"key\":\"zz-test-import-comment\","
                        + "\"aboutSources\":[\"kim-invites-putin-to-north-korea\"]}",
                "{\"type\":\"statement\",\"key\":\"zz-test-import-comment\","
                        + "\"aboutStatements\":[\"zz-test-import-later\"]}") + "\n";
        JsonPath report = post(lines, editor(), "application/x-ndjson").statusCode(422)
                .body("committed", equalTo(false)).extract().jsonPath();
        assertEquals(List.of(3, 4, 5), report.getList("rejections.line"));
        assertEquals(List.of("INVALID", "UNKNOWN_REFERENCE", "UNKNOWN_REFERENCE"), report.getList("rejections.reason"));
        List<String> messages = report.getList("rejections.message");
        assertTrue(messages.get(0).startsWith("aboutStatements[1]: a statement cannot be about itself"), messages.get(0));
        assertTrue(messages.get(1).startsWith("aboutSources[0]: no source \"kim-invites"), messages.get(1));
        // a key no line of the file has either (a later line's would be linked at the end)
        assertTrue(messages.get(2).startsWith("aboutStatements: no statement \"zz-test-import-later\" in the database"
                + " or in the file"),
                messages.get(2));
        assertEquals(0, Database.count("select count(*) from statement where slug = 'zz-test-import-comment'"));
    }

    @Test
    void aRejectedLineRollsBackTheWholeFileAndEveryRejectionIsReported() throws Exception {
        importAs(editor(), NEW_RECORDS);
        Map<String, Long> rows = TestRecords.rowCounts();

        JsonPath report = post(TestRecords.file("rejected-lines.jsonl"), editor(), "application/x-ndjson")
                .statusCode(422).body("committed", equalTo(false)).extract().jsonPath();
        assertEquals(List.of(8, 2, 6), List.of(report.getInt("lines"), report.getInt("created"),
                report.getInt("rejected")));
        assertEquals(List.of(2, 3, 4, 5, 7, 8), report.getList("rejections.line"));
        assertEquals(List.of("BAD_JSON", "UNKNOWN_TYPE", "UNKNOWN_REFERENCE", "INVALID", "INVALID", "INVALID"),
                report.getList("rejections.reason"));
        List<String> messages = report.getList("rejections.message");
        assertTrue(messages.get(2).startsWith("participants[0].actor: no actor \"zz-test-nobody\""), messages.get(2));
        assertTrue(messages.get(3).startsWith("start: "), messages.get(3));
        assertTrue(messages.get(4).startsWith("refused by the database: duplicate key"), messages.get(4));
        assertTrue(messages.get(5).contains("needs at least one attestation"), messages.get(5));

        assertEquals(rows, TestRecords.rowCounts(), "nothing of the file was written");
        assertEquals(0, Database.count("select count(*) from actor where slug in ('zz-test-import-second',"
                + " 'zz-test-import-third')"));
    }

    @Test
    void importsNeedATokenWithTheRoleEditor() throws Exception {
        Map<String, Long> rows = TestRecords.rowCounts();
        post(NEW_RECORDS, null, "application/x-ndjson").statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        post(NEW_RECORDS, "not.a.token", "application/x-ndjson").statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        post(NEW_RECORDS, DevTokens.mint("someone", -60, "editor"), "text/plain").statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        post(NEW_RECORDS, DevTokens.mint("reader", 600, "viewer"), "application/x-ndjson").statusCode(403)
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        post(NEW_RECORDS, editor(), "application/json").statusCode(415)
                .body("errors[0].message", startsWith("Send the file as"));
        assertEquals(rows, TestRecords.rowCounts());
        // text/plain is accepted too, and admins may import
        post(NEW_RECORDS, DevTokens.mint("test-admin", 600, "admin"), "text/plain; charset=utf-8").statusCode(200)
                .body("created", equalTo(9));
    }

    @Test
    void theExportIsOpenAndWritesTheImportedRecordsInTheSameFormat() throws Exception {
        importAs(editor(), NEW_RECORDS);
        String export = given().when().get("/export").then().statusCode(200)
                .header("Content-Type", startsWith("application/x-ndjson")).extract().asString();
        List<String> lines = export.lines().filter(line -> line.contains("\"zz-test-import-envoy\",")
                && line.startsWith("{\"type\":\"actor\"")).toList();
        assertEquals(List.of("{\"type\":\"actor\",\"key\":\"zz-test-import-envoy\",\"kind\":\"PERSON\","
                + "\"name\":\"Zz Test Import Envoy\",\"aliases\":[\"Zz Test Envoy\"],\"description\":null,"
                + "\"wikidataId\":null,\"country\":\"zz-test-import-state\",\"roles\":[{\"title\":\"Envoy\","
                + "\"organization\":\"zz-test-import-state\",\"start\":\"2024-01\",\"end\":null,"
                + "\"source\":\"zz-test-import-source\"}]}"), lines);
        // the export imports as it is: nothing to change
        JsonPath again = importAs(editor(), export);
        assertEquals(0, again.getInt("created") + again.getInt("updated"));
    }

    @Test
    void tombstonesAreNotExportedNotFoundAndNotBroughtBack() throws Exception {
        importAs(editor(), NEW_RECORDS + """
                {"type":"actor","key":"zz-test-import-envoy-twin","kind":"PERSON","name":"Zz Test Import Envoy Twin"}
                """);
        String admin = DevTokens.admin();
        GraphQL.as(admin, "deleteStatement", "input", Map.of("id", Ids.bySlug("Statement", "zz-test-import-reply"),
                "version", 0));
        GraphQL.as(admin, "mergeActors", "input", Map.of("keep", Ids.bySlug("Actor", "zz-test-import-envoy"),
                "keepVersion", 0, "merge", Ids.bySlug("Actor", "zz-test-import-envoy-twin"), "mergeVersion", 0));

        String export = given().when().get("/export").then().statusCode(200).extract().asString();
        assertEquals(List.of(), export.lines().filter(line -> line.contains("\"zz-test-import-reply\"")
                || line.contains("\"zz-test-import-envoy-twin\"")).toList());

        Map<String, Long> rows = TestRecords.rowCounts();
        JsonPath report = post("""
                {"type":"statement","key":"zz-test-import-reply","text":"Zz Test reply, again."}
                {"type":"attestation","source":"zz-test-import-source","statement":"zz-test-import-reply","excerpt":"x"}
                """, editor(), "application/x-ndjson").statusCode(422).extract().jsonPath();
        assertEquals(List.of("INVALID", "UNKNOWN_REFERENCE"), report.getList("rejections.reason"));
        assertTrue(report.getString("rejections[0].message").contains("was deleted"));
        assertEquals(rows, TestRecords.rowCounts());

        // the key of a merged actor leads to the actor it was merged into
        importAs(editor(), """
                {"type":"encounter","key":"zz-test-import-meeting","participants":[{"actor":"zz-test-import-envoy-twin","role":"HOST"}]}
                """);
        assertEquals("zz-test-import-envoy", slugOf("select a.slug from participant p join actor a on a.id = p.actor_id"
                + " join encounter e on e.id = p.encounter_id where e.slug = 'zz-test-import-meeting'"));
    }

    private static String slugOf(String sql) {
        return (String) Database.column(sql).get(0);
    }
}
