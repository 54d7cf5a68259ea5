package org.parley.testsupport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

import org.parley.database.LocalDatabase;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The database of the {@code @QuarkusIntegrationTest} suites, which run the packaged application with its production
 * settings: the local PostgreSQL (or an embedded one started in the test JVM), database
 * {@code <local database name>_it}, passed to the application as its datasource. Like any production, the packaged
 * application refuses the development JWT key: it gets a key pair of its own, made here.
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
                "quarkus.datasource.username", database.user(),
                "mp.jwt.verify.publickey.location", ownPublicKey(),
                "mp.jwt.verify.issuer", "parley-integration-tests");
    }

    /** A fresh RSA public key in a temporary PEM file, as a file: location. */
    private static String ownPublicKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(generator.generateKeyPair().getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Path file = Files.createTempFile("parley-it-jwt", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            return file.toUri().toString();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make the integration tests' JWT key", e);
        }
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
