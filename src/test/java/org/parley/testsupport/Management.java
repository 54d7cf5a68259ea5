package org.parley.testsupport;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Quarkus' management interface (health, metrics), on a port of its own. Under {@code @QuarkusTest} Quarkus takes a
 * free port ({@code quarkus.management.test-port=0}) and publishes the one it got as that setting; the
 * {@code @QuarkusIntegrationTest} suites give the packaged application a free port of their own choosing
 * ({@link IntegrationDatabaseResource}) and publish it as {@value #IT_PORT_PROPERTY}.
 */
public final class Management {

    /** The system property with the management port of the packaged application under test. */
    public static final String IT_PORT_PROPERTY = "parley.test.management-port";

    private Management() {
    }

    public static int port() {
        String packaged = System.getProperty(IT_PORT_PROPERTY);
        if (packaged != null) {
            return Integer.parseInt(packaged);
        }
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    /** A REST Assured request to the management interface. */
    public static RequestSpecification given() {
        return RestAssured.given().port(port());
    }

    /** The address of a management path such as {@code /q/health/ready}. */
    public static java.net.URI uri(String path) {
        return java.net.URI.create("http://localhost:" + port() + path);
    }
}
