package org.parley.explorer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
            // what each row measures: its label, the page's name (main[data-page]) and its URL's hash
            List<String[]> pages = new ArrayList<>();
            pages.add(row("home", "home", "#/"));
            pages.add(row("search", "search", "#/search?q=Lavrov"));
            pages.add(row("actor (Kim Jong Un)", "actor", "#/actor/" + Ids.bySlug("Actor", "kim-jong-un")));
            pages.add(row("actor (in most encounters)", "actor", "#/actor/" + Ids.of("Actor", first(
                    "select actor_id from participant group by actor_id order by count(*) desc, actor_id limit 1"))));
            pages.add(row("encounter (Lavrov meets Kim)", "encounter",
                    "#/encounter/" + Ids.bySlug("Encounter", "lavrov-meets-kim-2018")));
            long busiest = first("select encounter_id from participant group by encounter_id order by count(*) desc,"
                    + " encounter_id limit 1");
            pages.add(row("encounter (most participants)", "encounter", "#/encounter/" + Ids.of("Encounter", busiest)));
            long statement = first("select statement_id from attestation where statement_id is not null"
                    + " group by statement_id order by count(*) desc, statement_id limit 1");
            pages.add(row("statement (most attested)", "statement", "#/statement/" + Ids.of("Statement", statement)));
            pages.add(row("source (most attestations)", "source", "#/source/" + Ids.of("Source",
                    first("select source_id from attestation group by source_id order by count(*) desc, source_id limit 1"))));
            pages.add(row("agreement", "agreement", "#/agreement/" + Ids.of("Agreement",
                    first("select id from agreement where deleted_at is null order by id limit 1"))));
            pages.add(row("disagreements", "disagreements", "#/disagreements"));
            pages.add(row("record an encounter (form)", "edit-encounter", "#/edit/encounter"));
            pages.add(row("edit an encounter (form)", "edit-encounter-update",
                    "#/edit/encounter/" + Ids.of("Encounter", busiest)));
            pages.add(row("edit a statement (form)", "edit-statement-update",
                    "#/edit/statement/" + Ids.of("Statement", statement)));
            System.out.printf("%nExplorer: load average before %s%n", loadAverage());
            System.out.printf("%nExplorer: navigation to content, median of %d (ms); GraphQL requests per view (most"
                    + " seen)%n", RUNS);
            System.out.printf("| page | full load | of which: until the GraphQL request, the request, after it | in-app (hash"
                    + " change) | GraphQL requests |%n|---|---|---|---|---|%n");
            try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
                // signed in as an editor, as the sign-in page leaves it: the forms are shown rather than a sign-in link
                context.addInitScript("sessionStorage.setItem('parley.editor-token', '" + editorToken() + "')");
                Page page = context.newPage();
                AtomicInteger requests = new AtomicInteger();
                page.onRequest(request -> {
                    if (request.url().endsWith("/graphql")) {
                        requests.incrementAndGet();
                    }
                });
                for (String[] entry : pages) {
                    String name = entry[1];
                    String hash = entry[2];
                    List<Double> loads = new ArrayList<>();
                    List<Double> before = new ArrayList<>();
                    List<Double> request = new ArrayList<>();
                    List<Double> after = new ArrayList<>();
                    List<Double> moves = new ArrayList<>();
                    int most = 0;
                    for (int run = 0; run <= RUNS; run++) { // run 0 warms up
                        page.navigate("about:blank");
                        requests.set(0);
                        page.navigate(root + hash);
                        double load = shown(page, name);
                        double[] split = split(page, load);
                        most = Math.max(most, requests.get());
                        // an in-app move: away to another page type, then back by the hash, as a link does
                        page.evaluate("h => location.hash = h", name.equals("home") ? "#/search?q=Kim" : "#/");
                        page.locator("main[data-page]:not([data-page='" + name + "'])").waitFor();
                        requests.set(0);
                        page.evaluate("h => location.hash = h", hash);
                        double move = shown(page, name);
                        most = Math.max(most, requests.get());
                        if (run > 0) {
                            loads.add(load);
                            before.add(split[0]);
                            request.add(split[1]);
                            after.add(split[2]);
                            moves.add(move);
                        }
                    }
                    System.out.printf("| %s | %.0f | %s | %.0f | %d |%n", entry[0], median(loads), most == 0 ? "no request"
                            : String.format("%.0f, %.0f, %.0f", median(before), median(request), median(after)), median(moves), most);
                }
            }
            System.out.printf("%nExplorer: load average after %s%n", loadAverage());
        }
    }

    private static String[] row(String label, String name, String hash) {
        return new String[] { label, name, hash };
    }

    private static long first(String sql) {
        return ((Number) Database.column(sql).get(0)).longValue();
    }

    /** The 1, 5 and 15 minute load averages: the machine is shared, and the figures mean little without them. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
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

    /**
     * A full load's time split at the page's GraphQL request (its resource timing entry, from the navigation): the
     * time until it was sent (index.html, style, modules, documents), the request until its answer's last byte, and
     * the rest (reading and rendering the answer). NaN without a request.
     */
    private static double[] split(Page page, double load) {
        @SuppressWarnings("unchecked")
        List<Number> times = (List<Number>) page.evaluate("() => { const g = performance.getEntriesByType('resource')"
                + ".filter(r => r.name.endsWith('/graphql')).at(-1); return g ? [g.startTime, g.responseEnd] : [] }");
        if (times.isEmpty()) {
            return new double[] { Double.NaN, Double.NaN, Double.NaN };
        }
        double sent = times.get(0).doubleValue();
        double answered = times.get(1).doubleValue();
        return new double[] { sent, answered - sent, load - answered };
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
