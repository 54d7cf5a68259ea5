package org.parley.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What the audit suite does not check: that requests refused at the HTTP level carry a code and a message, and that
 * GET parameters are read once, as sent.
 */
@QuarkusTest
class GraphQLOverHttpTest {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    @Test
    void aDocumentThatDoesNotParseHasACodeAndALocation() {
        given().contentType(ContentType.JSON).body(Map.of("query", "{ actors { ")).post("/graphql").then()
                .statusCode(200)
                .contentType(containsString("application/json"))
                .body("errors[0].extensions.code", equalTo("GRAPHQL_PARSE_FAILED"))
                .body("errors[0].locations[0].line", equalTo(1))
                .body("data", nullValue());
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        given().contentType(ContentType.JSON).accept(GRAPHQL_RESPONSE).body("{ \"query\": ").post("/graphql").then()
                .statusCode(400)
                .contentType(containsString(GRAPHQL_RESPONSE))
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("errors[0].message", equalTo("The body is not JSON"));
    }

    @Test
    void parametersOfTheWrongTypeAreBadRequests() {
        given().contentType(ContentType.JSON).body(Map.of("query", "{ __typename }", "variables", "[]"))
                .post("/graphql").then().statusCode(400)
                .body("errors[0].message", equalTo("variables must be a JSON object"));
        given().contentType(ContentType.JSON).body(Map.of("query", 3)).post("/graphql").then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
    }

    @Test
    void onlyJsonBodiesAreRead() {
        given().contentType(ContentType.TEXT).body("{ __typename }").post("/graphql").then().statusCode(415)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
    }

    @Test
    void aContentTypeRepeatedByTheClientIsRead() {
        // what GraphiQL's fetch sends when it merges its own content type with the page's
        given().header("Content-Type", "application/json, application/json").body("{\"query\": \"{ __typename }\"}".getBytes(StandardCharsets.UTF_8))
                .post("/graphql").then().statusCode(200).body("data.__typename", equalTo("Query"));
    }

    @Test
    void mutationsAreNotRunOverGet() {
        given().queryParam("query", "mutation { createActor(input: {name: \"Zz Test Get\", kind: PERSON}) { actor { id } } }")
                .get("/graphql").then().statusCode(405)
                .header("Allow", containsString("POST"))
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
    }

    @Test
    void getParametersAreDecodedOnce() {
        // '%' and '+' reach the resolver as sent (SmallRye decoded parameters a second time): the refusal echoes
        // the ID it received, so a second decoding (a space for '+', or a broken escape) shows in the message
        given().queryParam("query", "query Find($id: ID!) { node(id: $id) { id } }")
                .queryParam("variables", "{\"id\": \"100% + 1\"}")
                .queryParam("operationName", "Find")
                .get("/graphql").then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", equalTo("Not a valid ID: 100% + 1"));
    }

    @Test
    void theGraphQLResponseMediaTypeIsUsedWhenAccepted() {
        given().contentType(ContentType.JSON).accept(GRAPHQL_RESPONSE + ", application/json;q=0.9")
                .body(Map.of("query", "{ actors(first: 1) { totalCount } }")).post("/graphql").then()
                .statusCode(200)
                .contentType(containsString(GRAPHQL_RESPONSE))
                .body("data.actors.totalCount", notNullValue());
    }
}
