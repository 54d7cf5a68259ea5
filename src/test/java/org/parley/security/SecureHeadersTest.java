package org.parley.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Every response carries the security headers: answers, health checks, errors of every kind, GraphiQL. CORS lets
 * local origins in outside production and refuses the others. (SecureHeadersIT: the same headers in production, where
 * no origin is listed.)
 */
@QuarkusTest
class SecureHeadersTest {

    static final String LOCAL_ORIGIN = "http://localhost:3000";

    /** Asserts the headers of application.properties ("Headers on every response"). */
    static ValidatableResponse secure(ValidatableResponse response) {
        return response.header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Strict-Transport-Security", containsString("max-age="));
    }

    @Test
    void answersAndHealthChecksCarryTheHeaders() {
        secure(given().contentType(ContentType.JSON).body(Map.of("query", "{ actors(first: 1) { totalCount } }"))
                .post("/graphql").then().statusCode(200));
        secure(given().queryParam("query", "{ __typename }").get("/graphql").then().statusCode(200));
        // health is on the management interface: the API port's answer for it is a 404, with the headers
        secure(given().get("/q/health/ready").then().statusCode(404));
    }

    @Test
    void errorsCarryTheHeaders() {
        secure(given().contentType(ContentType.JSON).body("{ not json").post("/graphql").then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST")));
        secure(given().contentType(ContentType.JSON).body(Map.of("query", "{ nope }")).post("/graphql").then()
                .statusCode(200).body("errors[0].extensions.code", equalTo("GRAPHQL_VALIDATION_FAILED")));
        secure(given().header("Authorization", "Bearer forged").contentType(ContentType.JSON)
                .body(Map.of("query", "mutation { createActor(input: {name: \"Zz Test Headers\", kind: PERSON}) "
                        + "{ actor { id } } }"))
                .post("/graphql").then().statusCode(401));
        secure(given().get("/no-such-page").then().statusCode(404));
    }

    @Test
    void graphiqlIsServedUnderThePolicyThatLetsItRun() {
        // its own scripts and styles, inline styles, fetches to /graphql (checked in Chromium: docs/SECURITY.md)
        secure(given().get("/q/graphql-ui/").then().statusCode(200))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("connect-src 'self'"));
    }

    @Test
    void localOriginsMayCallTheApiOutsideProduction() {
        secure(given().header("Origin", LOCAL_ORIGIN).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization")
                .options("/graphql").then().statusCode(200))
                .header("Access-Control-Allow-Origin", LOCAL_ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Credentials", "false");
        given().header("Origin", LOCAL_ORIGIN).contentType(ContentType.JSON)
                .body(Map.of("query", "{ __typename }")).post("/graphql").then().statusCode(200)
                .header("Access-Control-Allow-Origin", LOCAL_ORIGIN);
    }

    @Test
    void otherOriginsAreRefusedByQuarkus() {
        for (String origin : List.of("https://elsewhere.example", "http://localhost.elsewhere.example", "null")) {
            secure(given().header("Origin", origin).contentType(ContentType.JSON)
                    .body(Map.of("query", "{ __typename }")).post("/graphql").then().statusCode(403))
                    .header("Access-Control-Allow-Origin", nullValue());
        }
        // a preflight too, and any path
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .options("/graphql").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://elsewhere.example").get("/q/graphql-ui/").then().statusCode(403);
    }

    @Test
    void theServiceOwnOriginPassesQuarkusSameOriginCheck() {
        // no allow-list entry matches parley.example, but it is the host the request was sent to
        String host = "parley.example:" + RestAssured.port;
        given().header("Host", host).header("Origin", "http://" + host).contentType(ContentType.JSON)
                .body(Map.of("query", "{ __typename }")).post("/graphql").then()
                .statusCode(200).body("data.__typename", equalTo("Query"));
        // the same host on another port or scheme is another origin
        for (String other : List.of("http://parley.example:1", "https://parley.example:" + RestAssured.port)) {
            given().header("Host", host).header("Origin", other).contentType(ContentType.JSON)
                    .body(Map.of("query", "{ __typename }")).post("/graphql").then()
                    .statusCode(403).header("Access-Control-Allow-Origin", nullValue());
        }
    }
}
