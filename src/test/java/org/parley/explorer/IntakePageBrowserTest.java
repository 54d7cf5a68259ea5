package org.parley.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Chromium;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.TestRows;
import org.parley.testsupport.WrittenRecords;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Explorer's "Add article" page in Chromium: an editor pastes a short article, sees the proposals marked in the
 * text, corrects a quote's speaker (picking a recorded actor) and date, ticks it, accepts, and follows the link to the
 * statement written. Console errors and failed requests fail the test.
 */
@QuarkusTest
class IntakePageBrowserTest {

    private static final String TITLE = TestRows.unique("Explorer article");

    @TestHTTPResource("/")
    URL root;

    private static Playwright playwright;
    private static Browser browser;
    private static String axe;

    @BeforeAll
    static void launch() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright, Chromium.find());
    }

    @AfterAll
    static void close() {
        for (Map<String, Object> row : Database.rows("select id from source where title = ?", TITLE)) {
            WrittenRecords.removeSource(((Number) row.get("id")).longValue());
        }
        Database.execute("delete from intake where title = ?", TITLE);
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void anEditorPastesAnArticleCorrectsAQuoteAcceptsItAndSeesTheStatement() throws Exception {
        List<String> problems = new CopyOnWriteArrayList<>();
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.addInitScript(axe);
        try {
            Page page = context.newPage();
            page.setDefaultTimeout(15_000);
            page.onConsoleMessage(message -> {
                if (message.type().equals("error")) {
                    problems.add("console: " + message.text());
                }
            });
            page.onPageError(error -> problems.add("page error: " + error));
            page.onResponse(response -> {
                if (response.status() >= 400) {
                    problems.add(response.status() + " " + response.url());
                }
            });

            page.navigate(root + "#/sign-in?next=%23%2Fintake");
            page.getByLabel("Editor token").fill(DevTokens.editor());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.locator("main[data-page='intake']").waitFor();
            assertEquals(1, page.locator("#editor a[href='#/intake']").count(), "the header links to the page");

            // an article written for the test: a quote whose speaker is only described
            String quote = "We have agreed on a calendar of talks and a hotline between our ministries";
            String text = "Foreign Minister Sergey V. Lavrov arrived in Pyongyang on Thursday for two days of talks.\n"
                    + "“" + quote + ",” the visiting minister told reporters.\n"
                    + "Nothing was said about sanctions.";
            page.getByLabel("Text").fill(text);
            page.getByLabel("Title").fill(TITLE);
            page.getByLabel("Published").fill("2018-06-01");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Read the article")).click();
            page.locator("main[data-page='intake-review']").waitFor();

            // the quote is marked in the text, at its offsets
            Locator marked = page.locator(".article-text mark.hl-quote");
            assertEquals(quote, marked.first().textContent());
            // the actors and places it names are outlined at each mention and listed for review
            Locator mentions = page.locator(".article-text .hl-actor-mention, .article-text .hl-place-mention");
            assertTrue(mentions.count() > 0, "no mention marked");
            for (int i = 0; i < mentions.count(); i++) {
                // the span may also lie in a sentence of reported speech or an encounter: their IDs come along
                String ids = mentions.nth(i).getAttribute("data-proposals");
                Locator listed = page.locator(java.util.Arrays.stream(ids.split(" "))
                        .map(id -> "fieldset.proposal[data-kind$='_MENTION']#proposal-" + id)
                        .collect(java.util.stream.Collectors.joining(", ")));
                assertEquals(1, listed.count(), "mention " + ids + " is not listed for review");
                assertTrue(listed.locator("legend").textContent().contains(mentions.nth(i).textContent()),
                        listed.locator("legend").textContent() + " / " + mentions.nth(i).textContent());
            }
            Locator lavrovNamed = page.locator("fieldset.proposal[data-kind='ACTOR_MENTION']")
                    .filter(new Locator.FilterOptions().setHasText("Lavrov"));
            assertEquals(1, lavrovNamed.count(), page.locator("main").textContent());
            assertEquals(1, lavrovNamed.locator("a[href^='#/actor/']").count(), "matched to the recorded actor");
            assertEquals(List.of(), accessibilityViolations(page), "axe-core on the review page");
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of(System.getProperty(
                    "parley.explorer.screenshots", "target/explorer"), "intake-review.png")).setFullPage(true));
            Locator proposal = page.locator("fieldset.proposal[data-kind='QUOTE']").first();
            assertEquals(marked.first().getAttribute("data-proposals"),
                    proposal.locator("input[data-proposal]").getAttribute("data-proposal"));

            // the editor picks the speaker and corrects the date, ticks the quote and accepts
            String lavrov = (String) Database.column("select name from actor where slug = 'sergey-lavrov'").get(0);
            Locator speaker = proposal.getByLabel("Speaker", new Locator.GetByLabelOptions().setExact(true));
            pick(page, speaker, lavrov);
            proposal.getByLabel("Date").fill("2018-05-31");
            proposal.locator("input[data-proposal]").check();
            lavrovNamed.locator("input[data-proposal]").check(); // recorded already: accepting writes nothing
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept the ticked proposals"))
                    .click();

            Locator written = page.locator("main section").filter(new Locator.FilterOptions().setHasText("Written"));
            Locator statementLink = written.locator("a[href^='#/statement/']");
            statementLink.waitFor();
            statementLink.click();
            page.locator("main[data-page='statement']").waitFor();
            assertTrue(page.locator("main").textContent().contains(quote), page.locator("main").textContent());
            assertTrue(page.locator("main").textContent().contains(lavrov));

            Map<String, Object> stored = Database.rows("select s.text, s.mode, a.slug, s.said_date::text as said,"
                    + " att.excerpt from statement s join actor a on a.id = s.speaker_id join attestation att on"
                    + " att.statement_id = s.id join source src on src.id = att.source_id where src.title = ?", TITLE)
                    .get(0);
            assertEquals(quote, stored.get("text"));
            assertEquals("VERBATIM", stored.get("mode"));
            assertEquals("sergey-lavrov", stored.get("slug"), "the speaker the editor picked");
            assertEquals("2018-05-31", stored.get("said"), "the date the editor gave");
            assertTrue(text.contains((String) stored.get("excerpt")));
            assertEquals(List.of(), problems, "console errors, page errors and failed requests");
        } finally {
            context.close();
        }
    }

    /** Serious or critical axe-core violations of the page as shown. */
    @SuppressWarnings("unchecked")
    private static List<String> accessibilityViolations(Page page) {
        return (List<String>) page.evaluate("async () => (await axe.run(document, { resultTypes: ['violations'] }))"
                + ".violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
    }

    /** Types a name in a picker and waits for the suggestion that makes it stand for its record. */
    private static void pick(Page page, Locator input, String name) {
        input.fill(name);
        long until = System.currentTimeMillis() + 15_000;
        // chosen once a suggestion names it, or at once when it was the proposal's already
        while (!Boolean.TRUE.equals(page.evaluate("([input, list, value]) => document.getElementById(input).picked()"
                + " !== null || [...document.getElementById(list).options].some(o => o.value === value)",
                List.of(input.getAttribute("id"), input.getAttribute("list"), name)))) {
            assertTrue(System.currentTimeMillis() < until, "no suggestion " + name);
            page.waitForTimeout(50);
        }
    }
}
