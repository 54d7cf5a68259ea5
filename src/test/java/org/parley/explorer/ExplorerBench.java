package org.parley.explorer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.Ids;
import org.parley.testsupport.Chromium;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Figures for docs/BENCHMARKS.md, printed, never asserted: the bytes the first page ships (as sent, and gzipped as a
 * compressing proxy would send them), and for each page type the time from navigation to its content (a full load,
 * and an in-app move by the URL's hash), median of RUNS. Run by bench/explorer.sh
 * ({@code -Dparley.bench.explorer=true}).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "parley.bench.explorer", matches = "true")
class ExplorerBench {

    private static final int RUNS = Integer.getInteger("parley.bench.runs", 15);

    @TestHTTPResource("/")
    URL root;

    @Test
    void measure() {
        Path chromium = Chromium.find();
        try (Playwright playwright = Chromium.playwright(); Browser browser = Chromium.launch(playwright, chromium)) {
            firstPageBytes(browser);
            Map<String, String> pages = new LinkedHashMap<>();
            pages.put("home", "#/");
            pages.put("search", "#/search?q=Lavrov");
            pages.put("actor", "#/actor/" + Ids.bySlug("Actor", "kim-jong-un"));
            pages.put("encounter", "#/encounter/" + Ids.bySlug("Encounter", "lavrov-meets-kim-2018"));
            pages.put("statement", "#/statement/" + Ids.of("Statement", ((Number) Database.column(
                    "select statement_id from attestation where statement_id is not null group by statement_id "
                            + "order by count(*) desc, statement_id limit 1").get(0)).longValue()));
            pages.put("source", "#/source/" + Ids.of("Source", ((Number) Database.column(
                    "select source_id from attestation group by source_id order by count(*) desc, source_id limit 1")
                    .get(0)).longValue()));
            pages.put("disagreements", "#/disagreements");
            pages.put("edit-encounter", "#/edit/encounter");
            System.out.printf("%nExplorer: navigation to content, median of %d (ms)%n", RUNS);
            System.out.printf("| page | full load | in-app (hash change) |%n|---|---|---|%n");
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
                // signed in as an editor, as the sign-in page leaves it: the forms are shown rather than a sign-in link
                context.addInitScript("sessionStorage.setItem('parley.editor-token', '" + editorToken() + "')");
                Page page = context.newPage();
                for (var entry : pages.entrySet()) {
                    List<Double> loads = new ArrayList<>();
                    List<Double> moves = new ArrayList<>();
                    for (int run = 0; run <= RUNS; run++) { // run 0 warms up
                        page.navigate("about:blank");
                        page.navigate(root + entry.getValue());
                        double load = shown(page, entry.getKey());
                        // an in-app move: away to another page type, then back by the hash, as a link does
                        page.evaluate("h => location.hash = h", entry.getKey().equals("home") ? "#/search?q=Kim" : "#/");
                        page.locator("main[data-page]").waitFor();
                        page.evaluate("h => location.hash = h", entry.getValue());
                        double move = shown(page, entry.getKey());
                        if (run > 0) {
                            loads.add(load);
                            moves.add(move);
                        }
                    }
                    System.out.printf("| %s | %.0f | %.0f |%n", entry.getKey(), median(loads), median(moves));
                }
            }
        }
    }

    private static String editorToken() {
        try {
            return DevTokens.editor();
        } catch (Exception e) {
            throw new IllegalStateException("no development token", e);
        }
    }

    /** Waits for the page's content and returns the app's own measure of it (app.js: performance.measure). */
    private static double shown(Page page, String name) {
        page.locator("main[data-page='" + name + "']").waitFor();
        return ((Number) page.evaluate("n => performance.getEntriesByName('parley:' + n).at(-1).duration", name))
                .doubleValue();
    }

    private void firstPageBytes(Browser browser) {
        List<Response> responses = new ArrayList<>();
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.onResponse(responses::add);
            page.navigate(root.toString());
            page.locator("main[data-page='home']").waitFor();
            long plain = 0;
            long gzipped = 0;
            long graphql = 0;
            for (Response response : responses) {
                byte[] body = response.body();
                if (response.url().endsWith("/graphql")) {
                    graphql += body.length;
                    continue;
                }
                plain += body.length;
                gzipped += gzip(body);
            }
            System.out.printf("%nExplorer: first page, %d responses; app files %d bytes as sent, %d gzipped; "
                    + "GraphQL answer %d bytes%n", responses.size(), plain, gzipped, graphql);
        }
    }

    private static long gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
