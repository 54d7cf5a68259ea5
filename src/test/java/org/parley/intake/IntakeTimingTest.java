package org.parley.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.parley.testsupport.GraphQL.as;
import static org.parley.testsupport.GraphQL.operation;
import static org.parley.testsupport.GraphQL.vars;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.Ids;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The time to propose for a ~1,000-word article (docs/INTAKE.md, docs/BENCHMARKS.md; bench/intake-eval.sh runs it):
 * the first paragraphs of the longest seed article, read in process, and proposed over HTTP with 100 proposals in
 * the answer, by two clients: REST Assured, which parses the answer into a JsonPath (the figure published before), and
 * a plain {@link HttpClient} that sends a body built once and reads the answer as bytes, so that the figure is the
 * service's and not the test client's. Writes target/intake-timing.md.
 */
@QuarkusTest
class IntakeTimingTest {

    private static final Path SEEDS = Path.of("..", "shared", "seeds");
    private static final List<Long> INTAKES = new ArrayList<>();
    private static final int RUNS = 20;

    @TestHTTPResource("/graphql")
    URI graphql;

    @AfterAll
    static void removeIntakes() {
        INTAKES.forEach(id -> Database.execute("delete from intake where id = ?", id));
    }

    @Test
    void proposalsForAThousandWordArticle() throws Exception {
        assumeTrue(Files.isDirectory(SEEDS), "the seed articles are not beside the project");
        String longest = "";
        try (var files = Files.list(SEEDS)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                longest = text.length() > longest.length() ? text : longest;
            }
        }
        StringBuilder article = new StringBuilder();
        int words = 0;
        for (String paragraph : longest.split("\n")) {
            if (words >= 1000) {
                break;
            }
            article.append(paragraph).append('\n');
            words += paragraph.isBlank() ? 0 : paragraph.strip().split("\\s+").length;
        }
        String text = article.toString();
        LocalDate published = LocalDate.of(2018, 5, 31);
        for (int i = 0; i < 20; i++) {
            ArticleAnalyzer.analyze(text, "en", published, null, 1000);
        }
        long[] reading = new long[50];
        for (int i = 0; i < reading.length; i++) {
            long start = System.nanoTime();
            ArticleAnalyzer.analyze(text, "en", published, null, 1000);
            reading[i] = System.nanoTime() - start;
        }

        Map<String, Object> input = new HashMap<>();
        input.put("published", "2018-05-31");
        input.put("language", "en");
        input.put("text", text);
        String token = DevTokens.editor();
        long[] restAssured = new long[RUNS];
        int answered = 0;
        for (int i = 0; i < restAssured.length; i++) {
            long start = System.nanoTime();
            JsonPath body = as(token, "proposeFromArticle", "input", input, "first", 100);
            restAssured[i] = System.nanoTime() - start;
            INTAKES.add(Ids.dbId(body.getString("data.proposeFromArticle.intake.id")));
            answered = body.getList("data.proposeFromArticle.intake.proposals").size();
            assertTrue(answered > 50, "proposals answered: " + answered);
        }

        ObjectMapper json = new ObjectMapper();
        byte[] request = json.writeValueAsBytes(Map.of("query", operation("proposeFromArticle"), "variables",
                vars("input", input, "first", 100)));
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest post = HttpRequest.newBuilder(graphql).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofByteArray(request))
                .build();
        long[] plain = new long[RUNS + 5];
        for (int i = 0; i < plain.length; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(post, HttpResponse.BodyHandlers.ofByteArray());
            plain[i] = System.nanoTime() - start;
            assertEquals(200, response.statusCode());
            String id = json.readTree(response.body()).path("data").path("proposeFromArticle").path("intake")
                    .path("id").asText(null);
            assertTrue(id != null, new String(response.body(), StandardCharsets.UTF_8));
            INTAKES.add(Ids.dbId(id));
        }
        double readingMs = median(reading) / 1e6;
        assertTrue(readingMs < 500, "reading a 1,000-word article took " + readingMs + " ms");
        String report = String.format(Locale.ROOT, "Timing, %d words (%d characters): reading %.1f ms (median of 50,"
                + " in process); proposeFromArticle with %d proposals in the answer: %.1f ms by REST Assured, answer"
                + " parsed (median of %d), %.1f ms by java.net.http, answer as bytes (median of %d after 5 warm-up;"
                + " HTTP, matching and insert included).", words, text.length(), readingMs, answered,
                median(restAssured) / 1e6, RUNS, median(Arrays.copyOfRange(plain, 5, plain.length)) / 1e6, RUNS);
        System.out.println("\n" + report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "intake-timing.md"), report + "\n");
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
