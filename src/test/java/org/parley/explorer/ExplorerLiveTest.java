package org.parley.explorer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Chromium;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.WebSocket;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Explorer's live updates in a real Chromium: an encounter's page shows a statement recorded there and a change of
 * its status as they are written through the API, without a reload, and says so in its live region; leaving the page
 * closes its WebSocket. Any console error, page error or failed request fails the test.
 */
@QuarkusTest
class ExplorerLiveTest {

    private static final String SOURCE = "moneycontrol-2018-06-01";

    @TestHTTPResource("/")
    URL root;

    @Inject
    MeterRegistry registry;

    @AfterAll
    static void cleanUp() {
        TestRows.removeAll();
    }

    @Test
    void anEncounterPageShowsANewStatementAndAStatusChangeWithoutReloadAndClosesItsSocketOnLeaving() throws Exception {
        String kim = Ids.bySlug("Actor", "kim-jong-un");
        String encounter = recordEncounter(kim);
        List<String> problems = new CopyOnWriteArrayList<>();
        List<WebSocket> sockets = new CopyOnWriteArrayList<>();
        try (Playwright playwright = Chromium.playwright();
                Browser browser = Chromium.launch(playwright, Chromium.find());
                BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.setDefaultTimeout(20_000);
            Chromium.collectProblems(page, problems);
            page.onWebSocket(sockets::add);

            double before = subscriptions();
            page.navigate(root + "#/encounter/" + encounter);
            page.locator("main[data-page='encounter']").waitFor();
            assertEquals("planned", page.locator("dl.facts .status").textContent());
            // the page's two subscriptions are running on the server (nothing tells the page when)
            long until = System.currentTimeMillis() + 20_000;
            while (subscriptions() < before + 2) {
                assertTrue(System.currentTimeMillis() < until, "the page did not subscribe");
                page.waitForTimeout(100);
            }
            assertEquals(1, sockets.size());

            String text = TestRows.unique("Live in the Explorer");
            recordStatement(kim, encounter, text);
            Locator made = page.locator("main section").filter(new Locator.FilterOptions().setHasText("Statements made there"));
            made.locator("li.statement").filter(new Locator.FilterOptions().setHasText(text)).waitFor();
            Locator news = page.locator("main .live-news[role='status'][aria-live='polite']");
            assertTrue(news.textContent().startsWith("New statement by "), news.textContent());
            assertTrue(news.textContent().endsWith(text), news.textContent());

            var set = GraphQL.as(DevTokens.editor(), "setEncounterStatus", "input", Map.of("encounter", encounter,
                    "version", TestRows.version("encounter", encounter), "status", "HELD"));
            assertThat(set.getList("data.setEncounterStatus.userErrors"), empty());
            page.locator("dl.facts .status").filter(new Locator.FilterOptions().setHasText("held")).waitFor();
            assertEquals("Status changed: held", news.textContent());
            assertEquals(1, page.locator("main section").filter(new Locator.FilterOptions()
                    .setHasText("Status history")).locator("li").filter(new Locator.FilterOptions().setHasText("held"))
                    .count());
            assertEquals(1, page.evaluate("() => performance.getEntriesByType('navigation').length"), "no reload");

            page.navigate(root + "#/");
            page.locator("main[data-page='home']").waitFor();
            until = System.currentTimeMillis() + 20_000;
            while (!sockets.get(0).isClosed() || subscriptions() > before) {
                assertTrue(System.currentTimeMillis() < until, "the socket stayed open after leaving the page");
                page.waitForTimeout(100);
            }
            assertEquals(1, sockets.size(), "the home page opens no socket");
        }
        assertEquals(List.of(), problems, "console errors, page errors and failed requests");
    }

    private double subscriptions() {
        return registry.get("parley.live.subscriptions").gauge().value();
    }

    private static String recordEncounter(String actor) throws Exception {
        Map<String, Object> input = new HashMap<>();
        input.put("kind", "MEETING");
        input.put("title", "Zz Test live explorer " + UUID.randomUUID().toString().substring(0, 8));
        input.put("status", "PLANNED");
        input.put("participants", List.of(Map.of("actor", actor, "role", "GUEST")));
        input.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", SOURCE), "excerpt", "zz test")));
        var recorded = GraphQL.as(DevTokens.editor(), "recordEncounter", "input", input);
        assertThat(recorded.getList("data.recordEncounter.userErrors"), empty());
        return recorded.getString("data.recordEncounter.encounter.id");
    }

    private static void recordStatement(String speaker, String encounter, String text) throws Exception {
        var recorded = GraphQL.as(DevTokens.editor(), "recordStatement", "input", Map.of("text", text,
                "mode", "PARAPHRASE", "kind", "ASSESSMENT", "speaker", speaker, "encounter", encounter,
                "attestations", List.of(Map.of("source", Ids.bySlug("Source", SOURCE), "excerpt", "zz test"))));
        assertThat(recorded.getList("data.recordStatement.userErrors"), empty());
    }
}
