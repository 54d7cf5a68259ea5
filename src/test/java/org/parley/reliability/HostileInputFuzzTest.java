package org.parley.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.parley.reliability.FuzzCorpus.Request;
import org.parley.testsupport.AnswerSize;
import org.parley.testsupport.Database;
import org.parley.testsupport.Leaks;
import org.parley.testsupport.Management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Sends a generated corpus of at least 10,000 hostile and malformed requests ({@link FuzzCorpus}) to the running
 * service, several at a time, and requires: no 5xx answer, an answer in JSON, every error with an
 * {@code extensions.code} and none {@code INTERNAL_SERVER_ERROR} (each failure gets the code the client deserves), no
 * stack trace, Java name or SQL text in any error, no hang, the service alive and every table unchanged afterwards.
 * <p>
 * The corpus comes from a fixed seed, printed at the start. Failures are written with the seed and the requests to
 * {@code target/fuzz-failures.txt}; replay them with
 * {@code ./mvnw test -Dtest=HostileInputFuzzTest -Dparley.fuzz.seed=SEED -Dparley.fuzz.only=INDEX,INDEX}
 * ({@code -Dparley.fuzz.count=N} changes the size of the corpus).
 */
@QuarkusTest
@TestProfile(HostileInputFuzzTest.QuietRequestLog.class)
class HostileInputFuzzTest {

    /** One line per request would be 10,000 lines of test output: the request log is kept for warnings here. */
    public static class QuietRequestLog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.category.\"org.parley.errors.RequestLog\".level", "WARN");
        }
    }

    private static final long DEFAULT_SEED = 20_260_601L;
    private static final int DEFAULT_COUNT = 10_000;
    private static final int IN_FLIGHT = 8;
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);
    private static final Path FAILURES = Path.of("target", "fuzz-failures.txt");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/graphql")
    URI graphql;

    /** What went wrong with one request. */
    record Failure(Request request, String problem, int status, String response) {
    }

    @Test
    void hostileRequestsGetNoServerErrorLeakNothingAndChangeNothing() throws Exception {
        long seed = Long.getLong("parley.fuzz.seed", DEFAULT_SEED);
        int count = Integer.getInteger("parley.fuzz.count", DEFAULT_COUNT);
        List<Request> corpus = FuzzCorpus.generate(Path.of("docs", "schema.graphql"), seed, count);
        String only = System.getProperty("parley.fuzz.only", "");
        if (!only.isBlank()) {
            Set<Integer> chosen = Arrays.stream(only.split(",")).map(String::trim).map(Integer::valueOf)
                    .collect(Collectors.toSet());
            corpus = corpus.stream().filter(request -> chosen.contains(request.index())).toList();
        }
        System.out.printf("Fuzz: seed %d, %d requests (replay: -Dparley.fuzz.seed=%d)%n", seed, corpus.size(), seed);

        Map<String, String> before = tableChecksums();
        Tally tally = new Tally();
        long started = System.nanoTime();
        List<Failure> failures = send(corpus, tally);
        System.out.printf("Fuzz: %d requests answered in %d s%n", corpus.size(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        Map<String, String> after = tableChecksums();

        report(seed, tally, failures);
        assertTrue(failures.isEmpty(), failures.size() + " of " + corpus.size() + " requests failed; seed " + seed
                + ", details in " + FAILURES.toAbsolutePath() + "; first: " + failures.stream().findFirst()
                        .map(f -> f.request().kind() + " #" + f.request().index() + ": " + f.problem()).orElse(""));
        assertEquals(before, after, "no table changed");
        // bounded waits: a service stuck on an event loop fails here rather than hanging the build
        HttpClient client = HttpClient.newBuilder().connectTimeout(HANG_GUARD).build();
        for (String path : List.of("/q/health/live", "/q/health/ready")) {
            assertEquals(200, client.send(HttpRequest.newBuilder(Management.uri(path)).timeout(HANG_GUARD).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), path);
        }
        HttpResponse<String> sources = client.send(HttpRequest.newBuilder(graphql).timeout(HANG_GUARD)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ sources { totalCount } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(sources.body().contains("\"totalCount\""), "still answers: " + sources.body());
    }

    private List<Failure> send(List<Request> corpus, Tally tally) throws InterruptedException {
        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(4);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads).build();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        try {
            for (Request request : corpus) {
                HttpRequest http;
                try {
                    http = toHttp(request);
                } catch (IllegalArgumentException notSendable) {
                    tally.count(request.kind(), "not sendable by the client", null);
                    continue;
                }
                inFlight.acquire();
                if (pending.size() % 1000 == 0) {
                    System.out.printf("Fuzz: %d sent, %d failures so far%n", pending.size(), failures.size());
                }
                pending.add(client.sendAsync(http, HttpResponse.BodyHandlers.ofString())
                        // the client's own timeout ends with the headers: a body that never ends must fail too
                        .orTimeout(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)
                        .handle((response, error) -> {
                            inFlight.release();
                            Failure failure = check(request, response, error, tally);
                            if (failure != null) {
                                failures.add(failure);
                            }
                            return null;
                        }));
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        } finally {
            threads.shutdown();
        }
        failures.sort((a, b) -> Integer.compare(a.request().index(), b.request().index()));
        return failures;
    }

    private HttpRequest toHttp(Request request) {
        URI uri = request.queryString() == null ? graphql : URI.create(graphql + "?" + request.queryString());
        HttpRequest.Builder http = HttpRequest.newBuilder(uri).timeout(HANG_GUARD);
        if (request.body() != null) {
            http.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        } else {
            http.GET();
        }
        if (request.contentType() != null && !request.contentType().isEmpty()) {
            http.header("Content-Type", request.contentType());
        }
        if (request.token() != null) {
            http.header("Authorization", "Bearer " + request.token());
        }
        return http.build();
    }

    private static Failure check(Request request, HttpResponse<String> response, Throwable error, Tally tally) {
        if (error != null) {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            // a server may close the connection on a body above its limit while the client is still sending it
            if (request.kind().equals("oversized") && cause instanceof IOException
                    && !(cause instanceof HttpTimeoutException)) {
                tally.count(request.kind(), "connection closed", null);
                return null;
            }
            tally.count(request.kind(), "no answer", null);
            return new Failure(request, "no answer: " + cause, 0, "");
        }
        int status = response.statusCode();
        String body = response.body();
        JsonNode errors = errorsOf(body);
        tally.count(request.kind(), Integer.toString(status), errors);
        if (status >= 500) {
            return new Failure(request, "HTTP " + status, status, body);
        }
        if (!isJson(body)) {
            return new Failure(request, "not a JSON answer", status, body);
        }
        String uncoded = uncodedOrInternal(errors);
        if (uncoded != null) {
            return new Failure(request, uncoded, status, body);
        }
        String underpriced = costBelowSize(body);
        if (underpriced != null) {
            return new Failure(request, underpriced, status, body);
        }
        // a marker that the request itself did not contain (error messages may quote the request)
        String shown = errors != null ? errors.toString() : isJson(body) ? "" : body;
        String marker = Leaks.find(shown);
        if (marker != null && !request.bodyText().toLowerCase(Locale.ROOT).contains(marker)
                && (request.queryString() == null || !decoded(request.queryString()).contains(marker))) {
            return new Failure(request, "leaks \"" + marker + "\"", status, body);
        }
        return null;
    }

    /** What is wrong with the codes of the errors: one without a code, or one that is INTERNAL_SERVER_ERROR. */
    private static String uncodedOrInternal(JsonNode errors) {
        if (errors == null) {
            return null;
        }
        for (JsonNode error : errors) {
            JsonNode code = error.path("extensions").path("code");
            if (!code.isTextual()) {
                return "an error without extensions.code";
            }
            if (code.asText().equals("INTERNAL_SERVER_ERROR")) {
                return "INTERNAL_SERVER_ERROR";
            }
        }
        return null;
    }

    private static String decoded(String queryString) {
        try {
            return java.net.URLDecoder.decode(queryString, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return queryString.toLowerCase(Locale.ROOT);
        }
    }

    /** Whether the answer holds more objects than its cost said it could (null when not). */
    private static String costBelowSize(String body) {
        try {
            return AnswerSize.costBelowSize(JSON.readTree(body));
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    private static JsonNode errorsOf(String body) {
        try {
            JsonNode errors = JSON.readTree(body).get("errors");
            return errors != null && errors.isArray() ? errors : null;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }

    private static boolean isJson(String body) {
        try {
            JSON.readTree(body);
            return true;
        } catch (IOException | RuntimeException notJson) {
            return false;
        }
    }

    /** md5 of every row of every table of the application's schema, by table. */
    private static Map<String, String> tableChecksums() {
        Map<String, String> sums = new TreeMap<>();
        for (String table : Database.<String> column("select table_name::text from information_schema.tables"
                + " where table_schema = 'public' and table_type = 'BASE TABLE' order by 1")) {
            sums.put(table, Database.<String> column("select md5(coalesce(string_agg(t::text, '|' order by t::text),"
                    + " '')) from public.\"" + table + "\" t").get(0));
        }
        return sums;
    }

    private static void report(long seed, Tally tally, List<Failure> failures) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("seed ").append(seed).append('\n');
        out.append("replay: ./mvnw test -Dtest=HostileInputFuzzTest -Dparley.fuzz.seed=").append(seed)
                .append(" -Dparley.fuzz.only=")
                .append(failures.stream().map(f -> Integer.toString(f.request().index())).limit(50)
                        .collect(Collectors.joining(",")))
                .append('\n').append(tally).append('\n');
        out.append(failures.size()).append(" failures\n");
        for (Failure failure : failures) {
            Request request = failure.request();
            out.append("\n#").append(request.index()).append(' ').append(request.kind()).append(": ")
                    .append(failure.problem()).append("\n  ").append(request.method()).append(" content-type=")
                    .append(request.contentType()).append(" token=").append(abbreviate(request.token(), 80))
                    .append(request.queryString() == null ? "" : " ?" + abbreviate(request.queryString(), 2000))
                    .append("\n  request (").append(request.body() == null ? 0 : request.body().length)
                    .append(" bytes): ").append(abbreviate(request.bodyText(), 2000)).append("\n  response ")
                    .append(failure.status()).append(": ").append(abbreviate(failure.response(), 2000)).append('\n');
        }
        Files.createDirectories(FAILURES.getParent());
        Files.writeString(FAILURES, out.toString());
        System.out.println(tally);
        System.out.printf("Fuzz: %d failures; details in %s%n", failures.size(), FAILURES.toAbsolutePath());
    }

    private static String abbreviate(String text, int length) {
        if (text == null) {
            return "none";
        }
        return text.length() <= length ? text : text.substring(0, length) + "... (" + text.length() + " chars)";
    }

    /** Counts of answers by kind of request, HTTP status and error code, for the summary. */
    static final class Tally {
        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

        void count(String kind, String status, JsonNode errors) {
            StringBuilder key = new StringBuilder(kind).append(" -> ").append(status);
            if (errors != null && errors.size() > 0) {
                JsonNode code = errors.get(0).path("extensions").path("code");
                key.append(' ').append(code.isMissingNode() ? "(no code)" : code.asText());
            }
            counts.computeIfAbsent(key.toString(), k -> new LongAdder()).increment();
        }

        @Override
        public String toString() {
            return new TreeMap<>(counts).entrySet().stream().map(e -> "  " + e.getKey() + ": " + e.getValue().sum())
                    .collect(Collectors.joining("\n", "answers by kind, status and first error code:\n", ""));
        }
    }
}
