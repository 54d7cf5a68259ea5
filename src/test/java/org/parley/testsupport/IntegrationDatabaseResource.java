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
        // a free port for the management interface: its production port (9000) may be taken by another run
        String managementPort = String.valueOf(freePort());
        System.setProperty(Management.IT_PORT_PROPERTY, managementPort);
        return Map.of(
                "quarkus.management.port", managementPort,
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

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("No free port for the management interface", e);
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
