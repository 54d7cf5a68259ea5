package org.parley.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** Posts the operations kept in src/test/resources/graphql/*.graphql to /graphql. */
public final class GraphQL {

    private GraphQL() {
    }

    /** The text of {@code graphql/<name>.graphql}. */
    public static String operation(String name) {
        try (InputStream in = GraphQL.class.getClassLoader().getResourceAsStream("graphql/" + name + ".graphql")) {
            if (in == null) {
                throw new IllegalArgumentException("No operation file graphql/" + name + ".graphql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Variables from alternating names and values. */
    public static Map<String, Object> vars(Object... namesAndValues) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }

    public static ValidatableResponse post(String query, Map<String, Object> variables) {
        return post(query, variables, null);
    }

    /** Posts with {@code Authorization: Bearer <token>} when a token is given. */
    public static ValidatableResponse post(String query, Map<String, Object> variables, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.when().post("/graphql").then();
    }

    /** Runs the named operation with a token, asserts it answered without GraphQL errors, returns the body. */
    public static JsonPath as(String token, String name, Object... namesAndValues) {
        return post(operation(name), vars(namesAndValues), token)
                .statusCode(200)
                .body("errors", nullValue())
                .extract().jsonPath();
    }

    /** Runs the named operation, asserts it answered without errors, and returns the body for reading. */
    public static JsonPath data(String name, Object... namesAndValues) {
        return post(operation(name), vars(namesAndValues))
                .statusCode(200)
                .body("errors", nullValue())
                .extract().jsonPath();
    }

    /** Runs a query given inline, asserting HTTP 200, and returns the body whatever it holds. */
    public static JsonPath any(String query, Object... namesAndValues) {
        return post(query, vars(namesAndValues)).statusCode(200).extract().jsonPath();
    }
}
