package org.parley.testsupport;

import java.util.Map;

import org.parley.database.LocalDatabase;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The database of the {@code @QuarkusIntegrationTest} suites, which run the packaged application with its production
 * settings: the local PostgreSQL (or an embedded one started in the test JVM), database
 * {@code <local database name>_it}, passed to the application as its datasource.
 */
public class IntegrationDatabaseResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String port = setting("parley.local-database.port", "PARLEY_LOCAL_DATABASE_PORT", "5432");
        String name = setting("parley.local-database.name", "PARLEY_LOCAL_DATABASE_NAME", "parley_test") + "_it";
        LocalDatabase.Endpoint database = LocalDatabase.obtain(Integer.parseInt(port), name);
        return Map.of(
                "quarkus.datasource.reactive.url", database.reactiveUrl(),
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.user());
    }

    private static String setting(String property, String variable, String fallback) {
        String value = System.getProperty(property, System.getenv(variable));
        return value == null ? fallback : value;
    }

    @Override
    public void stop() {
        // the database stays, like the tests' own; the embedded server, if any, stops with the JVM
    }
}
