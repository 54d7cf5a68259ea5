package org.parley.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GeneratedImport;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.ImportProbe;
import org.parley.testsupport.Leaks;
import org.parley.testsupport.PrivateDatabaseProfile;
import org.parley.testsupport.PrivateDatabaseResource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * An import cut part-way (issue 6, "crash during an import"): its database backend terminated, its database stopped,
 * or its client gone mid-upload. Each time the client that is still there gets an error with a code, not one row of
 * the import remains in any table, the imports' lock is free, the service answers, and the same import run again
 * completes: every record once. {@link ImportCrashIT} kills the service's own process instead.
 */
@QuarkusTest
@TestProfile(PrivateDatabaseProfile.class)
class ImportFaultsTest {

    /** 13,500 lines, about 4 MB. */
    static final int BLOCKS = 1_500;
    /** Where the file stops until the fault has hit: 3,600 lines in, seven chunks of the import applied. */
    static final int PAUSE_AFTER = 400;
    /** A guard against hangs, far above anything an import of this file should take. */
    static final Duration HANG_GUARD = Duration.ofMinutes(3);
    /** The tables the import has written to by the pause; the change log is written at the end. */
    static final List<String> WRITTEN_BY_THE_PAUSE = List.of("source", "actor", "actor_alias", "actor_role",
            "encounter", "participant", "encounter_status_change", "statement", "statement_about", "attestation");

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final ImportProbe probe = new ImportProbe(Database::connect);

    @TestHTTPResource("/import")
    URI importUri;
    @TestHTTPResource("/graphql")
    URI graphql;

    @AfterEach
    void databaseBack() {
        PrivateDatabaseResource.startServer();
    }

    @Test
    void anImportWhoseBackendIsTerminatedLeavesNothingAndCompletesWhenRunAgain() throws Exception {
        cutAndRunAgain("kill", () -> {
            List<Integer> backends = probe.importBackends();
            assertEquals(1, backends.size(), "one import running: " + backends);
            List<Boolean> terminated = Database.column("select pg_terminate_backend(?)", backends.get(0));
            assertEquals(List.of(true), terminated);
        }, () -> {
        });
    }

    @Test
    void anImportWhoseDatabaseStopsLeavesNothingAndCompletesWhenRunAgain() throws Exception {
        cutAndRunAgain("stop", PrivateDatabaseResource::stopServer, PrivateDatabaseResource::startServer);
    }

    @Test
    void anImportWhoseClientHangsUpMidUploadLeavesNothingAndCompletesWhenRunAgain() throws Exception {
        String prefix = prefix("hangup");
        Map<String, Long> before = probe.rowsPerTable();
        GeneratedImport file = new GeneratedImport(prefix, BLOCKS, PAUSE_AFTER);
        try (Socket socket = new Socket(importUri.getHost(), importUri.getPort())) {
            CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> sendChunked(socket, file.stream()));
            probe.awaitImportWriting(WRITTEN_BY_THE_PAUSE);
            socket.setSoLinger(true, 0); // a reset, as when the client's process dies
            socket.close();
            file.release();
            upload.handle((ignored, failure) -> null).get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
        }
        long cut = System.nanoTime();
        probe.awaitNoImport();
        System.out.printf("ImportFaultsTest hangup: the import's lock was free %d ms after the reset%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cut));
        assertLeftNothing(prefix, before);
        assertCompletesWhenRunAgain(prefix, before);
    }

    @Test
    void importDataWhileTheDatabaseIsStoppedAnswersDatabaseUnavailable() throws Exception {
        PrivateDatabaseResource.stopServer();
        String body = GraphQL.post(GraphQL.operation("importData"), GraphQL.vars("lines",
                "{\"type\":\"source\",\"key\":\"zz-fault-mutation\",\"title\":\"t\",\"publisher\":\"p\"}"),
                DevTokens.editor()).extract().asString();
        PrivateDatabaseResource.startServer();
        assertNull(Leaks.find(body), body);
        assertEquals(List.of("DATABASE_UNAVAILABLE"), JsonPath.from(body).getList("errors.extensions.code"), body);
        assertEquals(0, Database.count("select count(*) from source where slug = 'zz-fault-mutation'"));
    }

    /**
     * Starts the import of a file that stops part-way, waits until the import has written to every table, cuts it
     * with {@code fault}, lets the file go on, and checks the answer: 503 DATABASE_UNAVAILABLE. Then, with the
     * database back ({@code recover}), nothing of the import is left, and the import run again completes.
     */
    private void cutAndRunAgain(String name, Step fault, Step recover) throws Exception {
        String prefix = prefix(name);
        Map<String, Long> before = probe.rowsPerTable();
        GeneratedImport file = new GeneratedImport(prefix, BLOCKS, PAUSE_AFTER);
        CompletableFuture<HttpResponse<String>> answer = post(file);
        probe.awaitImportWriting(WRITTEN_BY_THE_PAUSE);
        long cut = System.nanoTime();
        fault.run();
        file.release();
        HttpResponse<String> failed = answer.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
        long answered = System.nanoTime();
        recover.run();

        assertEquals(503, failed.statusCode(), failed.body());
        assertNull(Leaks.find(failed.body()), failed.body());
        assertEquals(List.of("DATABASE_UNAVAILABLE"), JsonPath.from(failed.body()).getList("errors.extensions.code"),
                failed.body());
        assertTrue(failed.headers().firstValue("Retry-After").isPresent(), "the client is told to try again later");
        assertLeftNothing(prefix, before);
        System.out.printf("ImportFaultsTest %s: answered %d ms after the fault%n", name,
                TimeUnit.NANOSECONDS.toMillis(answered - cut));
        assertCompletesWhenRunAgain(prefix, before);
    }

    /** No row of the import in any table, no import running and the lock free, and the service answers. */
    private void assertLeftNothing(String prefix, Map<String, Long> before) throws Exception {
        probe.awaitNoImport();
        assertEquals(before, probe.rowsPerTable(), "every table holds the rows it held before the import");
        assertEquals(0, Database.count("select count(*) from actor where slug like ?", prefix + "-%"));
        awaitServed();
    }

    /** The same file, imported again without a fault: committed, every line a new record, every table complete. */
    private void assertCompletesWhenRunAgain(String prefix, Map<String, Long> before) throws Exception {
        GeneratedImport file = new GeneratedImport(prefix, BLOCKS);
        HttpResponse<String> rerun = post(file).get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
        assertEquals(200, rerun.statusCode(), rerun.body());
        JsonPath report = JsonPath.from(rerun.body());
        assertTrue(report.getBoolean("committed"), rerun.body());
        assertEquals(file.lines(), report.getInt("lines"));
        assertEquals(file.lines(), report.getInt("created"), "every record is new: nothing was left by the fault");
        assertEquals(0, report.getInt("rejected"), rerun.body());
        assertEquals(ImportProbe.plus(before, file.rowsAdded()), probe.rowsPerTable(),
                "every table holds each record of the file once more than before");
        assertEquals(2L * BLOCKS, Database.count("select count(distinct slug) from actor where slug like ?",
                prefix + "-%"));
    }

    private CompletableFuture<HttpResponse<String>> post(GeneratedImport body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(importUri).timeout(HANG_GUARD)
                .header("Authorization", "Bearer " + DevTokens.editor())
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofInputStream(body::stream)).build();
        return CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the file as a chunked request on a socket of the test's own, until the file ends or the socket fails. */
    private void sendChunked(Socket socket, InputStream file) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + importUri.getPath() + " HTTP/1.1\r\nHost: " + importUri.getHost() + ":"
                    + importUri.getPort() + "\r\nAuthorization: Bearer " + DevTokens.editor()
                    + "\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = file.read(buffer)) > 0;) {
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(buffer, 0, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the test closed the socket: the upload stops here
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until a read is answered without errors: after a database restart the pool reconnects by itself. */
    private void awaitServed() throws Exception {
        HttpRequest read = HttpRequest.newBuilder(graphql).timeout(HANG_GUARD).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"query\":\"{ sources(first: 1) { nodes { title } } }\"}"))
                .build();
        await("served again").atMost(HANG_GUARD).pollInterval(Duration.ofMillis(250)).until(() -> {
            HttpResponse<String> response = CLIENT.send(read, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && JsonPath.from(response.body()).get("errors") == null;
        });
    }

    static String prefix(String name) {
        return "zz-fault-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private interface Step {
        void run() throws Exception;
    }
}
