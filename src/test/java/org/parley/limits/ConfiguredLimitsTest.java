package org.parley.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.GraphQL;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Every limit follows its parley.limits.* setting; introspection can be turned off; a slow request gets TIMEOUT. */
@QuarkusTest
@TestProfile(ConfiguredLimitsTest.SmallLimits.class)
class ConfiguredLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("parley.limits.max-depth", "4"),
                    Map.entry("parley.limits.max-cost", "50"),
                    Map.entry("parley.limits.list-size", "5"),
                    Map.entry("parley.limits.max-aliases", "2"),
                    Map.entry("parley.limits.max-tokens", "60"),
                    Map.entry("parley.limits.max-fields", "10"),
                    Map.entry("parley.limits.max-field-merges", "3"),
                    Map.entry("parley.limits.max-document-length", "1000"),
                    Map.entry("parley.limits.max-page-size", "50"),
                    Map.entry("parley.limits.max-body-size", "2K"),
                    Map.entry("parley.limits.request-timeout", "1s"),
                    Map.entry("quarkus.smallrye-graphql.field-visibility", "no-introspection"));
        }
    }

    private static ValidatableResponse refused(String query, String code) {
        return GraphQL.post(query, Map.of()).statusCode(200)
                .body("errors[0].extensions.code", equalTo(code))
                .body("extensions.cost.limit", equalTo(50));
    }

    private static void passes(String query) {
        GraphQL.post(query, Map.of()).statusCode(200).body("errors", nullValue());
    }

    @Test
    void depth() {
        // nodes is not a level: actors, country, country, name
        passes("{ actors(first: 1) { nodes { country { country { name } } } } }");
        refused("{ actors(first: 1) { nodes { country { country { country { name } } } } } }", "MAX_DEPTH");
    }

    @Test
    void costAndTheAssumedListSize() {
        passes("{ actors(first: 10) { nodes { name } } }");
        // 1 + 10 actors + 10 * 4 roles; a list without first counts the 50 it returns
        refused("{ actors(first: 10) { nodes { roles(first: 4) { title } } } }", "MAX_COST")
                .body("extensions.cost.requested", equalTo(51));
        refused("{ actors(first: 1) { nodes { roles { title } } } }", "MAX_COST")
                .body("extensions.cost.requested", equalTo(52));
    }

    @Test
    void aliases() {
        passes("{ a: __typename b: __typename }");
        refused("{ a: __typename b: __typename c: __typename }", "MAX_ALIASES");
    }

    @Test
    void tokens() {
        refused("{" + " __typename".repeat(60) + " }", "MAX_TOKENS");
    }

    @Test
    void fieldsWithFragmentsExpanded() {
        // no database work: the 1 s request timeout of this profile stays out of it
        String fragment = " fragment F on Query { __typename __typename __typename }";
        passes("{ ...F ...F ...F }" + fragment); // 9 fields
        refused("{ ...F ...F ...F ...F }" + fragment, "MAX_FIELDS")
                .body("errors[0].message", containsString("at most 10"));
    }

    @Test
    void fieldMergesAsExecutionCollectsThem() {
        passes("{ __typename __typename __typename __typename }"); // 3 repeats
        refused("{ __typename __typename __typename __typename __typename }", "MAX_FIELD_MERGES")
                .body("errors[0].message", containsString("at most 3"));
        // same-keyed fields have their selections collected together: actors 1, nodes 1, name 1 (3), then name 3 (5)
        passes("{ actors(first: 1) { nodes { name } } actors(first: 1) { nodes { name } } }");
        refused("{ actors(first: 1) { nodes { name name } } actors(first: 1) { nodes { name name } } }",
                "MAX_FIELD_MERGES");
        // a fragment spread twice in one selection set is collected once
        passes("{ ...F ...F ...F ...F ...F } fragment F on Query { __typename }");
    }

    @Test
    void fieldMergesWeighedByObjects() {
        // at most the work of one object repeating one field 3 times: 4 * 3 / 2 = 6 folds
        passes("{ actors(first: 6) { nodes { name name } } }");
        refused("{ actors(first: 7) { nodes { name name } } }", "MAX_FIELD_MERGES");
    }

    @Test
    void documentLength() {
        String query = "{ __typename";
        passes(query + " ".repeat(1000 - query.length() - 1) + "}");
        refused(query + " ".repeat(1000 - query.length()) + "}", "MAX_DOCUMENT_LENGTH")
                .body("errors[0].message", containsString("1001 characters"));
    }

    @Test
    void pageSize() {
        passes("{ actors(first: 50) { totalCount } }");
        refused("{ actors(first: 51) { totalCount } }", "BAD_USER_INPUT")
                .body("errors[0].message", containsString("between 0 and 50"));
    }

    @Test
    void bodySize() {
        given().contentType(ContentType.JSON)
                .body(Map.of("query", "{ __typename }", "variables", Map.of("padding", "x".repeat(3000))))
                .post("/graphql").then().statusCode(413)
                .body("errors[0].extensions.code", equalTo("MAX_BODY_SIZE"));
    }

    @Test
    void introspectionCanBeTurnedOff() {
        passes("{ __typename }");
        refused("{ __schema { queryType { name } } }", "GRAPHQL_VALIDATION_FAILED");
    }

    @Test
    void aRequestStuckOnTheDatabaseIsAnsweredWithTimeout() throws SQLException {
        try (Connection connection = Database.connect(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            // reads of actor wait for this lock until the transaction ends
            statement.execute("lock table actor in access exclusive mode");
            try {
                given().contentType(ContentType.JSON).body(Map.of("query", "{ actors(first: 1) { nodes { name } } }"))
                        .post("/graphql").then().statusCode(504)
                        .body("errors[0].extensions.code", equalTo("TIMEOUT"))
                        .body("data", nullValue());
            } finally {
                connection.rollback();
            }
        }
        passes("{ actors(first: 1) { nodes { name } } }");
    }
}
