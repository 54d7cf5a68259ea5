package org.parley.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.TestRows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** {@code POST /intake}: proposeFromArticle for scripts, with the statuses and codes of its refusals. */
@QuarkusTest
class IntakeRouteTest {

    private static final String TITLE = TestRows.unique("Intake route");

    private static final String TEXT = String.join("\n",
            "Foreign Minister Sergey V. Lavrov met Kim Jong Un in Pyongyang on Thursday.",
            "“Nobody should expect everything to be settled in one afternoon of talks,” Lavrov said.");

    @AfterAll
    static void removeIntakes() {
        Database.execute("delete from intake where title = ?", TITLE);
    }

    private static Map<String, Object> input(String text) {
        return IntakeTest.input(text, TITLE);
    }

    private static RequestSpecification request(String token) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    @Test
    void answersTheIntakeWithItsProposalsAsTheGraphQLReadDoes() throws Exception {
        String editor = DevTokens.editor();
        JsonPath intake = request(editor).body(input(TEXT)).post("/intake").then()
                .statusCode(200).contentType(containsString("application/json"))
                .body("errors", nullValue())
                .body("status", equalTo("OPEN"))
                .body("publishedOn", equalTo("2018-06-01"))
                .extract().jsonPath();
        List<Map<String, Object>> proposals = intake.getList("proposals");
        Map<String, Object> quote = proposals.stream().filter(p -> p.get("kind").equals("QUOTE")).findFirst()
                .orElseThrow();
        assertEquals("Nobody should expect everything to be settled in one afternoon of talks", quote.get("text"));
        assertEquals(quote.get("text"), TEXT.substring((Integer) quote.get("start"), (Integer) quote.get("end")));
        assertEquals("Sergey Lavrov", intake.getString("proposals.find { it.kind == 'QUOTE' }.speaker.actor.name"));
        assertEquals("Pyongyang", intake.getString("proposals.find { it.kind == 'ENCOUNTER' }.encounter.place"));

        // the same intake, read over GraphQL: the same proposals, at the same offsets
        JsonPath read = GraphQL.as(editor, "intakeProposals", "id", intake.getString("id"), "first", 100);
        List<Map<String, Object>> again = read.getList("data.intake.proposals");
        assertEquals(again.size(), proposals.size());
        for (int i = 0; i < proposals.size(); i++) {
            for (String field : List.of("id", "kind", "start", "end", "text", "statementKind")) {
                assertEquals(again.get(i).get(field), proposals.get(i).get(field), field + " of proposal " + i);
            }
        }
        assertEquals(1, Database.count("select count(*) from intake where title = ? and created_by = ?", TITLE,
                "test-editor"));
    }

    @Test
    void refusesWithoutTheEditorRole() throws Exception {
        request(null).body(input(TEXT)).post("/intake").then()
                .statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        request(DevTokens.mint("intake-reader", 600, "viewer")).body(input(TEXT)).post("/intake").then()
                .statusCode(403).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        request("not.a.token").body(input(TEXT)).post("/intake").then().statusCode(401);
    }

    @Test
    void badInputIsRefusedWithItsCodeAndOffset() throws Exception {
        String editor = DevTokens.editor();
        request(editor).body(input("He said \u0007 “no”.")).post("/intake").then()
                .statusCode(400)
                .body("errors[0].extensions.code", equalTo("INVALID"))
                .body("errors[0].extensions.field", equalTo(List.of("input", "text")))
                .body("errors[0].message", containsString("offset 8"));
        Map<String, Object> noText = input(TEXT);
        noText.remove("text");
        request(editor).body(noText).post("/intake").then()
                .statusCode(400).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        Map<String, Object> unknown = input(TEXT);
        unknown.put("author", "someone");
        request(editor).body(unknown).post("/intake").then()
                .statusCode(400).body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        request(editor).body("{\"text\": ").post("/intake").then()
                .statusCode(400).body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        request(editor).body("[]").post("/intake").then()
                .statusCode(400).body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        given().contentType(ContentType.TEXT).header("Authorization", "Bearer " + editor).body(TEXT)
                .post("/intake").then().statusCode(415).body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        given().header("Authorization", "Bearer " + editor).get("/intake").then()
                .statusCode(405).header("Allow", "POST, OPTIONS");
        // over the body limit (1 MB): refused before any reading
        request(editor).body(input("x".repeat(2_000_000))).post("/intake").then()
                .statusCode(413).body("errors[0].extensions.code", equalTo("MAX_BODY_SIZE"));
    }
}
