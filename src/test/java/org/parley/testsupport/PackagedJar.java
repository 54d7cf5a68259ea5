package org.parley.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.parley.database.LocalDatabase;

/**
 * The packaged application (target/quarkus-app, as the {@code @QuarkusIntegrationTest}s run it) in a JVM of its own,
 * production profile, on a free port, with a JWT key of the test's own (production refuses the development key): for
 * tests that kill or stop the process. Ready once {@code /graphql} answers a query.
 */
public final class PackagedJar implements AutoCloseable {

    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /** Start-up of the service on a busy machine takes up to a few minutes; more than this is a failure. */
    private static final Duration START_GUARD = Duration.ofMinutes(5);

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedJar(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** A new RSA key pair for the tokens of one test. */
    public static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The local database {@code <tests' database name><suffix>}, created when missing. */
    public static LocalDatabase.Endpoint database(String suffix) {
        return LocalDatabase.obtain(Integer.parseInt(setting("parley.local-database.port", "PARLEY_LOCAL_DATABASE_PORT",
                "5432")), setting("parley.local-database.name", "PARLEY_LOCAL_DATABASE_NAME", "parley_test") + suffix);
    }

    /**
     * Starts the jar on {@code database}, accepting tokens signed by {@code key}; {@code properties} are more
     * {@code -D} settings. Its output goes to {@code target/<name>.log}. Returns once it answers.
     */
    public static PackagedJar start(String name, LocalDatabase.Endpoint database, KeyPair key, String... properties)
            throws Exception {
        PackagedJar jar = launch(name, database, key, properties);
        jar.awaitReady();
        return jar;
    }

    /** As {@link #start}, without waiting for it to answer (a run that exits by itself, for instance). */
    public static PackagedJar launch(String name, LocalDatabase.Endpoint database, KeyPair key, String... properties)
            throws Exception {
        int port = freePort();
        Path publicKey = Files.createTempFile("parley-" + name, ".pem");
        publicKey.toFile().deleteOnExit();
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);
        Path log = Path.of("target", name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-Dquarkus.http.port=" + port,
                // a management interface, where the build has one, must not take a port another run holds
                "-Dquarkus.management.port=" + freePort(),
                "-Dquarkus.datasource.reactive.url=" + database.reactiveUrl(),
                "-Dquarkus.datasource.jdbc.url=" + database.jdbcUrl(),
                "-Dquarkus.datasource.username=" + database.user(),
                "-Dmp.jwt.verify.publickey.location=" + publicKey.toUri(),
                "-Dmp.jwt.verify.issuer=" + DevTokens.ISSUER));
        for (String property : properties) {
            command.add("-D" + property);
        }
        command.addAll(List.of("-jar", JAR.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new PackagedJar(process, port, log);
    }

    private void awaitReady() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest probe = HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")).build();
        await("the service ready (log: " + log + ")").atMost(START_GUARD).pollInterval(Duration.ofMillis(500))
                .failFast("the service stopped during start-up: see " + log, () -> !process.isAlive())
                .ignoreExceptionsInstanceOf(IOException.class) // not listening yet
                .until(() -> client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    /** POSTs a GraphQL request to the jar's {@code /graphql} with a bearer token; fails unless answered 200. */
    public com.fasterxml.jackson.databind.JsonNode graphql(String token, String query, java.util.Map<String, Object> variables)
            throws Exception {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        HttpRequest request = HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    /** Kills the process if it still runs (SIGKILL). */
    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    private static String setting(String property, String variable, String fallback) {
        String value = System.getProperty(property, System.getenv(variable));
        return value == null ? fallback : value;
    }
}
