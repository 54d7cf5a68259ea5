package org.parley.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.Management;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Health and metrics are on the management interface, not on the public API port: a client of the API cannot read
 * the metrics, and probes do not queue behind the API's load.
 */
@QuarkusTest
class ManagementInterfaceTest {

    @Test
    void theApiPortDoesNotServeHealthOrMetrics() {
        for (String path : new String[] { "/q/metrics", "/q/health", "/q/health/live", "/q/health/ready" }) {
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    void theManagementPortServesHealthAndMetricsButNotTheApi() {
        assertNotEquals(RestAssured.port, Management.port(), "a port of its own");
        Management.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Management.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        Management.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
        Management.given().queryParam("query", "{ __typename }").get("/graphql").then().statusCode(404);
    }
}
