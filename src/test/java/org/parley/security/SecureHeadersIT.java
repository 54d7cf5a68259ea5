package org.parley.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.IntegrationDatabaseResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;

/** The packaged application with its production settings: the same headers, and no cross-origin caller by default. */
@QuarkusIntegrationTest
@WithTestResource(IntegrationDatabaseResource.class)
class SecureHeadersIT {

    @Test
    void answersErrorsAndHealthChecksCarryTheHeaders() {
        SecureHeadersTest.secure(given().contentType(ContentType.JSON).body(Map.of("query", "{ __typename }"))
                .post("/graphql").then().statusCode(200));
        SecureHeadersTest.secure(given().contentType(ContentType.JSON).body("[").post("/graphql").then().statusCode(400));
        SecureHeadersTest.secure(given().get("/q/health/ready").then().statusCode(404));
    }

    @Test
    void noOriginIsAllowedUntilConfigured() {
        SecureHeadersTest.secure(given().header("Origin", SecureHeadersTest.LOCAL_ORIGIN).contentType(ContentType.JSON)
                .body(Map.of("query", "{ __typename }")).post("/graphql").then().statusCode(403))
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
