package org.parley.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.database.LocalDatabase;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GeneratedImport;
import org.parley.testsupport.ImportProbe;

import io.restassured.path.json.JsonPath;

/**
 * The service's process dies mid-import (SIGKILL, no shutdown of any kind): PostgreSQL rolls the import's transaction
 * back when the connection drops, so no row of it remains and the imports' lock is free; the same import run against
 * a new process completes. The packaged application (target/quarkus-app, as the {@code @QuarkusIntegrationTest}s run
 * it) in a JVM of its own, with the production profile, on database {@code <local database name>_crash}.
 */
class ImportCrashIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /** Start-up of the service on a busy machine takes up to a few minutes; more than this is a failure. */
    private static final Duration START_GUARD = Duration.ofMinutes(5);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final LocalDatabase.Endpoint database = LocalDatabase.obtain(
            Integer.parseInt(setting("parley.local-database.port", "PARLEY_LOCAL_DATABASE_PORT", "5432")),
            setting("parley.local-database.name", "PARLEY_LOCAL_DATABASE_NAME", "parley_test") + "_crash");
    private final ImportProbe probe = new ImportProbe(
            () -> DriverManager.getConnection(database.jdbcUrl(), database.user(), null));
    private final KeyPair key = keyPair();
    private Process service;

    @AfterEach
    void stopService() {
        if (service != null) {
            service.destroyForcibly();
        }
    }

    @Test
    void anImportWhoseProcessIsKilledLeavesNothingAndCompletesInTheNextProcess() throws Exception {
        URI first = start("first");
        String prefix = ImportFaultsTest.prefix("sigkill");
        Map<String, Long> before = probe.rowsPerTable();
        GeneratedImport file = new GeneratedImport(prefix, ImportFaultsTest.BLOCKS, ImportFaultsTest.PAUSE_AFTER);
        CompletableFuture<HttpResponse<String>> answer = post(first, file);
        probe.awaitImportWriting(ImportFaultsTest.WRITTEN_BY_THE_PAUSE);

        long killed = System.nanoTime();
        service.destroyForcibly(); // SIGKILL
        assertTrue(service.waitFor(1, TimeUnit.MINUTES), "the process is gone");
        file.release();
        ExecutionException lost = assertThrows(ExecutionException.class,
                () -> answer.get(ImportFaultsTest.HANG_GUARD.toSeconds(), TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, lost.getCause(), "the client sees its connection drop");

        probe.awaitNoImport(); // PostgreSQL saw the connection close and rolled back
        System.out.printf("ImportCrashIT: the import's lock was free %d ms after SIGKILL%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed));
        assertEquals(before, probe.rowsPerTable(), "every table holds the rows it held before the import");

        URI second = start("second");
        GeneratedImport again = new GeneratedImport(prefix, ImportFaultsTest.BLOCKS);
        HttpResponse<String> rerun = post(second, again).get(ImportFaultsTest.HANG_GUARD.toSeconds(),
                TimeUnit.SECONDS);
        assertEquals(200, rerun.statusCode(), rerun.body());
        JsonPath report = JsonPath.from(rerun.body());
        assertTrue(report.getBoolean("committed"), rerun.body());
        assertEquals(again.lines(), report.getInt("created"), "every record is new: nothing was left by the crash");
        assertEquals(ImportProbe.plus(before, again.rowsAdded()), probe.rowsPerTable(),
                "every table holds each record of the file once more than before");
    }

    /** Starts the packaged service on a free port; returns its /import address once it is ready. */
    private URI start(String name) throws Exception {
        int port;
        int managementPort;
        try (ServerSocket free = new ServerSocket(0); ServerSocket freeToo = new ServerSocket(0)) {
            port = free.getLocalPort();
            managementPort = freeToo.getLocalPort();
        }
        Path publicKey = Files.createTempFile("parley-crash-it", ".pem");
        publicKey.toFile().deleteOnExit();
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n", StandardCharsets.US_ASCII);
        Path log = Path.of("target", "import-crash-it-" + name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        service = new ProcessBuilder(List.of(java, "-Xmx256m", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.datasource.reactive.url=" + database.reactiveUrl(),
                "-Dquarkus.datasource.jdbc.url=" + database.jdbcUrl(),
                "-Dquarkus.datasource.username=" + database.user(),
                "-Dmp.jwt.verify.publickey.location=" + publicKey.toUri(),
                "-Dmp.jwt.verify.issuer=" + DevTokens.ISSUER, "-jar", JAR.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        URI ready = URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready");
        await("the service ready (log: " + log + ")").atMost(START_GUARD).pollInterval(Duration.ofMillis(500))
                .failFast("the service stopped during start-up: see " + log, () -> !service.isAlive())
                .ignoreExceptionsInstanceOf(IOException.class) // not listening yet
                .until(() -> client.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200);
        return URI.create("http://127.0.0.1:" + port + "/import");
    }

    private CompletableFuture<HttpResponse<String>> post(URI uri, GeneratedImport body) throws Exception {
        String token = DevTokens.sign("crash-editor", 600, key.getPrivate(), "editor");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(ImportFaultsTest.HANG_GUARD)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(body::stream)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String setting(String property, String variable, String fallback) {
        String value = System.getProperty(property, System.getenv(variable));
        return value == null ? fallback : value;
    }
}
