package org.parley.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.parley.bulk.BulkService;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GeneratedImport;
import org.parley.testsupport.ImportProbe;
import org.parley.testsupport.SlowClientsProfile;
import org.parley.testsupport.Management;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Exports cannot starve imports or health (issue 12, item 3): clients that open an export and never read it hold at
 * most {@code parley.bulk.max-concurrent-exports} JDBC connections, further exports get 503 TOO_MANY_EXPORTS,
 * readiness and imports are still served, a full JDBC pool answers 503 DATABASE_UNAVAILABLE, and at the export
 * deadline the stalled exports are cut and their transactions end.
 */
@QuarkusTest
@TestProfile(SlowClientsProfile.class)
class ExportLimitsTest {

    static final Duration HANG_GUARD = Duration.ofMinutes(3);
    /** About 8 MB of export: far more than socket buffers and Vert.x's write queue hold for a client that never reads. */
    static final int BLOCKS = 3_000;

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final ImportProbe probe = new ImportProbe(Database::connect);

    @TestHTTPResource("/import")
    URI importUri;
    @TestHTTPResource("/export")
    URI exportUri;

    @Test
    void stalledExportsAreCappedAndCutAtTheirDeadlineWhileImportsAndHealthAreServed() throws Exception {
        HttpResponse<String> generated = post(new GeneratedImport("export-limits", BLOCKS)).get(HANG_GUARD.toSeconds(),
                TimeUnit.SECONDS);
        assertEquals(200, generated.statusCode(), generated.body());

        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = capture(logged);
        Logger bulkLog = Logger.getLogger("org.parley.bulk.BulkRoutes");
        bulkLog.addHandler(capture);
        List<Socket> readers = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                readers.add(stalledExport());
            }
            await("both exports holding a connection in their transaction").atMost(HANG_GUARD).until(() -> exportBackends() == 2);

            HttpResponse<String> third = CLIENT.send(get(exportUri), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, third.statusCode(), third.body());
            assertEquals("TOO_MANY_EXPORTS", code(third));
            assertTrue(third.headers().firstValue("Retry-After").isPresent(), "Retry-After");

            HttpResponse<String> ready = CLIENT.send(get(Management.uri("/q/health/ready")), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), "readiness still UP beside the stalled exports: " + ready.body());

            HttpResponse<String> small = postLines(sourceLine("export-limits-small")).get(HANG_GUARD.toSeconds(),
                    TimeUnit.SECONDS);
            assertEquals(200, small.statusCode(), "an import beside the stalled exports: " + small.body());

            // the pool's third connection taken by an import that waits for the rest of its file: the next import
            // finds no free connection and is told to come back, not answered 500
            GeneratedImport paused = new GeneratedImport("export-limits-paused", 10, 2);
            CompletableFuture<HttpResponse<String>> holding = post(paused);
            await("the paused import holding the pool's last connection").atMost(HANG_GUARD).until(() -> probe.importBackends().size() == 1);
            HttpResponse<String> starved = postLines(sourceLine("export-limits-starved")).get(HANG_GUARD.toSeconds(),
                    TimeUnit.SECONDS);
            assertEquals(503, starved.statusCode(), starved.body());
            assertEquals("DATABASE_UNAVAILABLE", code(starved));
            assertTrue(starved.headers().firstValue("Retry-After").isPresent(), "Retry-After");
            paused.release();
            HttpResponse<String> completed = holding.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
            assertEquals(200, completed.statusCode(), completed.body());
            assertEquals(2, exportBackends(), "the stalled exports were still running through all of the above"
                    + " (else the export timeout is too short for this machine)");

            // the deadline: the exports' transactions end and the clients see their transfer cut
            await("no export left and no transaction left open").atMost(HANG_GUARD).until(() -> exportBackends() == 0
                    && Database.count("select count(*) from pg_stat_activity where state like 'idle in transaction%'"
                            + " and pid <> pg_backend_pid()") == 0);
            for (Socket reader : readers) {
                assertFalse(readsToACompleteResponse(reader), "the stalled export was cut, not completed");
            }
            await("both aborts logged").atMost(HANG_GUARD).until(() -> aborts(logged).size() == 2);
            for (LogRecord abort : aborts(logged)) {
                assertEquals(Level.INFO, abort.getLevel(), "an aborted download is the client's doing");
                assertNull(abort.getThrown(), "no stack trace for an aborted download");
            }
        } finally {
            bulkLog.removeHandler(capture);
            for (Socket reader : readers) {
                reader.close();
            }
        }

        HttpResponse<InputStream> again = CLIENT.send(get(exportUri), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, again.statusCode(), "a free slot once the stalled exports are gone");
        long lines;
        try (InputStream body = again.body()) {
            lines = new String(body.readAllBytes(), StandardCharsets.UTF_8).lines().count();
        }
        assertTrue(lines >= (long) BLOCKS * GeneratedImport.LINES_PER_BLOCK, lines + " lines exported");
    }

    /** Asks for an export on a socket whose receive buffer is tiny, and never reads it. */
    private Socket stalledExport() throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new java.net.InetSocketAddress(exportUri.getHost(), exportUri.getPort()));
        socket.getOutputStream().write(("GET " + exportUri.getPath() + " HTTP/1.1\r\nHost: " + exportUri.getHost()
                + ":" + exportUri.getPort() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Reads what the server sent until it ends; true when it ends with a chunked body's last chunk. */
    private static boolean readsToACompleteResponse(Socket socket) throws IOException {
        socket.setSoTimeout((int) HANG_GUARD.toMillis());
        byte[] tail = new byte[5];
        int seen = 0;
        try (InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0;) {
                for (int i = 0; i < n; i++) {
                    System.arraycopy(tail, 1, tail, 0, 4);
                    tail[4] = buffer[i];
                    seen++;
                }
            }
        } catch (java.net.SocketException e) {
            return false; // reset: cut
        }
        return seen >= 5 && "0\r\n\r\n".equals(new String(tail, StandardCharsets.US_ASCII));
    }

    private static long exportBackends() {
        return Database.count("select count(*) from pg_stat_activity where application_name = ?",
                BulkService.EXPORT_APPLICATION_NAME);
    }

    private static List<LogRecord> aborts(List<LogRecord> logged) {
        return logged.stream().filter(record -> record.getMessage() != null
                && String.valueOf(record.getMessage()).startsWith("Export aborted")).toList();
    }

    private static String sourceLine(String key) {
        return "{\"type\":\"source\",\"key\":\"" + key + "\",\"title\":\"Export limits " + key
                + "\",\"publisher\":\"Limits Wire\",\"url\":\"https://limits.example.org/" + key
                + "\",\"language\":\"en\"}\n";
    }

    private static String code(HttpResponse<String> response) {
        String code = JsonPath.from(response.body()).getString("errors[0].extensions.code");
        assertNotNull(code, response.body());
        return code;
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(HANG_GUARD).GET().build();
    }

    private CompletableFuture<HttpResponse<String>> post(GeneratedImport body) throws Exception {
        return CLIENT.sendAsync(importRequest().POST(HttpRequest.BodyPublishers.ofInputStream(body::stream)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> postLines(String lines) throws Exception {
        return CLIENT.sendAsync(importRequest().POST(HttpRequest.BodyPublishers.ofString(lines)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder importRequest() throws Exception {
        return HttpRequest.newBuilder(importUri).timeout(HANG_GUARD)
                .header("Authorization", "Bearer " + DevTokens.editor())
                .header("Content-Type", "application/x-ndjson");
    }

    private static Handler capture(List<LogRecord> logged) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }
}
