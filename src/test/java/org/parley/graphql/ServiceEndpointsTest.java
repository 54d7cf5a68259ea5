package org.parley.graphql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.Management;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ServiceEndpointsTest {

    @Test
    void readinessIncludesTheDatabaseAndLivenessIsUp() {
        Management.given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("PostgreSQL")));
        Management.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void graphiqlIsServed() {
        given().get("/q/graphql-ui/").then().statusCode(200).body(containsString("GraphiQL"));
    }

    @Test
    void queriesWorkOverGet() {
        given().queryParam("query", "{ actor(name: \"Putin\") { name } }")
                .get("/graphql").then().statusCode(200)
                .body("data.actor.name", equalTo("Vladimir Putin"));
    }

    @Test
    void everyErrorHasACodeAndNoStackTraceOrClassName() {
        List<String> badRequests = List.of(
                "{ actors { nodes { nope } } }",
                "{ actors(first: \"many\") { totalCount } }",
                "{ actors(first: 1000) { totalCount } }",
                "{ encounters(filter: { kind: PICNIC }) { totalCount } }",
                "{ node(id: \"%%%\") { id } }",
                "{ statements(filter: { search: \"\" }) { totalCount } }");
        for (String query : badRequests) {
            GraphQL.post(query, Map.of()).statusCode(200)
                    .body("errors", notNullValue())
                    .body("errors.extensions.code", not(hasItem(nullValue())))
                    .body(not(containsString("Exception")))
                    .body(not(containsString("at org.")))
                    .body(not(containsString("java.")));
        }
    }

    @Test
    void aVariableOfTheWrongTypeIsRefusedWithACode() {
        GraphQL.post("query($first: Int) { actors(first: $first) { totalCount } }", Map.of("first", "ten"))
                .statusCode(200)
                .body("errors[0].extensions.code", notNullValue())
                .body("errors.size()", equalTo(1));
    }

    @Test
    void answersAreJson() {
        given().contentType(ContentType.JSON).body(Map.of("query", "{ actors(first: 1) { totalCount } }"))
                .post("/graphql").then().statusCode(200).contentType(containsString("json"));
    }
}
