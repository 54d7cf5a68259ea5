package org.parley.ops;

import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.PrivateDatabaseProfile;
import org.parley.testsupport.PrivateDatabaseResource;
import org.parley.testsupport.Management;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Readiness follows the database: DOWN while it is unreachable, UP again when it is back; liveness stays UP. */
@QuarkusTest
@TestProfile(PrivateDatabaseProfile.class)
class ReadinessTest {

    @AfterEach
    void databaseBack() {
        PrivateDatabaseResource.startServer();
    }

    @Test
    void readinessGoesDownWithTheDatabaseAndUpWhenItReturns() {
        assertEquals(200, readiness(), "ready with the database up");

        PrivateDatabaseResource.stopServer();
        awaitReadiness(503, Duration.ofSeconds(30));
        Management.given().get("/q/health/live").then().statusCode(200);

        PrivateDatabaseResource.startServer();
        awaitReadiness(200, Duration.ofSeconds(30));
        given().queryParam("query", "{ actor(name: \"Putin\") { name } }").get("/graphql").then().statusCode(200)
                .body("data.actor.name", org.hamcrest.Matchers.equalTo("Vladimir Putin"));
    }

    private static int readiness() {
        return Management.given().get("/q/health/ready").then().extract().statusCode();
    }

    private static void awaitReadiness(int status, Duration limit) {
        await("readiness " + status).atMost(limit).pollInterval(Duration.ofMillis(250))
                .until(ReadinessTest::readiness, equalTo(status));
    }
}
