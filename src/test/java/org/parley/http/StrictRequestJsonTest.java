package org.parley.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The request is read strictly: one JSON value and nothing after it, no key twice in an object (a proxy that checks
 * the first {@code query} must see the one that runs), no GET parameter twice. Each is 400 with code BAD_REQUEST,
 * whatever media type the client accepts.
 */
@QuarkusTest
class StrictRequestJsonTest {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    private static ValidatableResponse post(String body, String accept) {
        return given().contentType(ContentType.JSON).accept(accept).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/graphql").then();
    }

    private static ValidatableResponse badRequest(ValidatableResponse response) {
        return response.statusCode(400)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("extensions.cost.requested", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"query\":\"{__typename}\"}xyz", "{\"query\":\"{__typename}\"} {}",
            "{\"query\":\"{__typename}\"}]", "{\"query\":\"{__typename}\"}\"\"", "{\"query\":\"{__typename}\"}0" })
    void somethingAfterTheBodyIsABadRequest(String body) {
        for (String accept : new String[] { "application/json", GRAPHQL_RESPONSE }) {
            badRequest(post(body, accept))
                    .body("errors[0].message", equalTo("The body is not JSON: something follows the JSON value"));
        }
    }

    @Test
    void twoQueriesInOneBodyAreABadRequest() {
        for (String accept : new String[] { "application/json", GRAPHQL_RESPONSE }) {
            badRequest(post("{\"query\":\"{__typename}\",\"query\":\"{ actors { totalCount } }\"}", accept))
                    .body("errors[0].message", equalTo("The body is not JSON: the key \"query\" appears twice in an object"));
        }
        badRequest(post("{\"query\":\"{__typename}\",\"operationName\":null,\"operationName\":\"A\"}", "*/*"))
                .body("errors[0].message", containsString("\"operationName\""));
    }

    @Test
    void aKeyTwiceInsideTheVariablesIsABadRequest() {
        badRequest(post("{\"query\":\"query($n: Int) { actors(first: $n) { totalCount } }\","
                + "\"variables\":{\"n\":1,\"n\":100}}", "application/json"))
                .body("errors[0].message", containsString("\"n\" appears twice"));
    }

    @Test
    void whiteSpaceAfterTheBodyIsFine() {
        post("{\"query\":\"{__typename}\"} \r\n\t ", "application/json").statusCode(200)
                .body("errors", nullValue())
                .body("data.__typename", equalTo("Query"));
    }

    @Test
    void aGetParameterGivenTwiceIsABadRequest() {
        badRequest(given().queryParam("query", "{__typename}").queryParam("query", "{ actors { totalCount } }")
                .get("/graphql").then()).body("errors[0].message", equalTo("The parameter query is given more than once"));
        badRequest(given().queryParam("query", "query($n: Int) { actors(first: $n) { totalCount } }")
                .queryParam("variables", "{\"n\": 1}").queryParam("variables", "{\"n\": 2}")
                .get("/graphql").then()).body("errors[0].message", containsString("variables"));
        badRequest(given().queryParam("query", "{__typename}").queryParam("operationName", "A")
                .queryParam("operationName", "B").get("/graphql").then());
        // the JSON of a parameter is read as strictly as a body
        badRequest(given().queryParam("query", "query($n: Int) { actors(first: $n) { totalCount } }")
                .queryParam("variables", "{\"n\": 1, \"n\": 2}").get("/graphql").then())
                .body("errors[0].message", containsString("appears twice"));
        badRequest(given().queryParam("query", "{__typename}").queryParam("variables", "{}x").get("/graphql").then());
        given().queryParam("query", "{__typename}").get("/graphql").then().statusCode(200)
                .body("data.__typename", equalTo("Query"));
    }
}
