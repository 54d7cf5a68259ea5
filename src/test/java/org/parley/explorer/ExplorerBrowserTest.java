package org.parley.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Chromium;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The Explorer in a real Chromium, on the curated data: what each page shows is checked against the database, every
 * page passes axe-core's accessibility rules with no serious or critical violation, and any console error, page error
 * or failed request fails the test. Screenshots go to target/explorer, or where -Dparley.explorer.screenshots says
 * (docs/explorer for the committed ones).
 */
@QuarkusTest
class ExplorerBrowserTest {

    private static final Path SHOTS = Path.of(System.getProperty("parley.explorer.screenshots", "target/explorer"));

    @TestHTTPResource("/")
    URL root;

    private static Playwright playwright;
    private static Browser browser;
    private static String axe;

    private BrowserContext context;
    private Page page;
    private final List<String> problems = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launch() throws IOException {
        Path chromium = Chromium.find();
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright, chromium);
    }

    @AfterAll
    static void close() {
        TestRows.removeAll();
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void open() {
        openContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    }

    private void openContext(Browser.NewContextOptions options) {
        if (context != null) {
            context.close();
        }
        context = browser.newContext(options);
        // injected through the DevTools protocol, which the page's Content-Security-Policy does not govern
        context.addInitScript(axe);
        page = context.newPage();
        page.setDefaultTimeout(15_000);
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                problems.add("console: " + message.text());
            }
        });
        page.onPageError(error -> problems.add("page error: " + error));
        page.onRequestFailed(request -> problems.add("failed: " + request.url() + " " + request.failure()));
        page.onResponse(response -> {
            if (response.status() >= 400) {
                problems.add(response.status() + " " + response.url());
            }
        });
    }

    @AfterEach
    void noProblems() {
        try {
            assertEquals(List.of(), problems, "console errors, page errors and failed requests");
        } finally {
            context.close();
            context = null;
        }
    }

    @Test
    void clickThroughSearchActorEncounterSourceStatement() {
        page.navigate(root.toString());
        shown("home");
        long encounters = Database.count("select count(*) from encounter where deleted_at is null");
        assertTrue(page.getByRole(AriaRole.STATUS).textContent().endsWith("of " + encounters + " encounters shown"));
        check("home");

        page.locator("#q").fill("Lavrov");
        searched("Lavrov");
        String lavrov = name("sergey-lavrov");
        check("search");

        section("Actors").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(lavrov).setExact(true)).click();
        shown("actor");
        assertEquals(lavrov, heading());
        for (Object alias : Database.column("select alias from actor_alias a join actor on actor.id = a.actor_id "
                + "where actor.slug = 'sergey-lavrov'")) {
            assertTrue(page.locator("dl").textContent().contains((String) alias), "alias " + alias);
        }
        List<Object> titles = Database.column("select e.title from encounter e join participant p on p.encounter_id = e.id "
                + "join actor a on a.id = p.actor_id where a.slug = 'sergey-lavrov' and e.deleted_at is null");
        assertFalse(titles.isEmpty());
        Locator timeline = page.locator(".timeline");
        for (Object title : titles) {
            assertEquals(1, timeline.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName((String) title)
                    .setExact(true)).count(), "encounter " + title);
        }
        // the network: every actor met at these encounters, drawn and listed
        long met = Database.count("select count(distinct o.actor_id) from participant p join actor a on a.id = p.actor_id "
                + "join encounter e on e.id = p.encounter_id join participant o on o.encounter_id = e.id "
                + "where a.slug = 'sergey-lavrov' and o.actor_id <> a.id and e.deleted_at is null");
        assertTrue(met > 0);
        assertEquals(met, page.locator(".network li").count());
        assertEquals(Math.min(met, 16), page.locator(".graph a").count());
        check("actor");

        String meeting = (String) Database.column("select title from encounter where slug = 'lavrov-meets-kim-2018'").get(0);
        timeline.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(meeting).setExact(true)).click();
        shown("encounter");
        assertEquals(meeting, heading());
        for (Object participant : Database.column("select a.name from participant p join actor a on a.id = p.actor_id "
                + "join encounter e on e.id = p.encounter_id where e.slug = 'lavrov-meets-kim-2018'")) {
            assertTrue(section("Participants").textContent().contains((String) participant), "participant " + participant);
        }
        // the sources give two dates (Wednesday 30 May, Thursday 31 May 2018): one column each
        long versions = Database.count("select count(distinct (d, p)) from (select reported_date d, reported_precision p "
                + "from attestation a join encounter e on e.id = a.encounter_id where e.slug = 'lavrov-meets-kim-2018' "
                + "and reported_date is not null union select start_date, start_precision from encounter "
                + "where slug = 'lavrov-meets-kim-2018' and start_date is not null) v");
        assertTrue(versions > 1);
        assertEquals(versions, page.locator(".disagreement .version").count());
        assertEquals(Database.count("select count(*) from attestation a join encounter e on e.id = a.encounter_id "
                + "where e.slug = 'lavrov-meets-kim-2018'"), section("Sources").locator("blockquote").count());
        check("encounter");

        // a source of this meeting that also attests a statement
        Map<String, Object> source = Database.rows("select s.id, s.title, s.reliability_note from source s "
                + "join attestation a on a.source_id = s.id join encounter e on e.id = a.encounter_id "
                + "where e.slug = 'lavrov-meets-kim-2018' and exists (select 1 from attestation b "
                + "where b.source_id = s.id and b.statement_id is not null) order by s.id limit 1").get(0);
        section("Sources").locator("a[href='#/source/" + Ids.of("Source", ((Number) source.get("id")).longValue()) + "']")
                .first().click();
        shown("source");
        assertEquals(source.get("title"), heading());
        assertEquals(source.get("reliability_note"), page.locator(".note").first().textContent());
        check("source");

        Locator statementLink = page.locator("main a[href^='#/statement/']").first();
        long statementId = Ids.dbId(statementLink.getAttribute("href").substring("#/statement/".length()));
        statementLink.click();
        shown("statement");
        Map<String, Object> statement = Database.rows("select s.text, s.mode, a.name from statement s "
                + "left join actor a on a.id = s.speaker_id where s.id = ?", statementId).get(0);
        assertEquals(statement.get("text"), page.locator("figure blockquote").textContent());
        String caption = page.locator("figcaption").textContent();
        if (statement.get("name") != null) {
            assertTrue(caption.contains((String) statement.get("name")), caption);
        }
        assertTrue(caption.contains(statement.get("mode").equals("VERBATIM") ? "verbatim" : "paraphrase"), caption);
        check("statement");
    }

    @Test
    void searchForgivesSpellingAndFindsStatementsAndSources() {
        page.navigate(root + "#/search?q=Shoygu");
        shown("search");
        assertEquals(1, section("Actors").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions()
                .setName(name("sergei-shoigu")).setExact(true)).count());

        page.locator("#q").fill("sanctions");
        searched("sanctions");
        Locator statements = section("Statements").locator("li");
        assertTrue(statements.count() > 0);
        for (String text : statements.allTextContents()) {
            assertTrue(text.toLowerCase().contains("sanction"), text);
        }

        page.locator("#q").fill("Moneycontrol");
        searched("Moneycontrol");
        for (Object title : Database.column("select title from source where publisher = 'Moneycontrol'")) {
            assertTrue(section("Sources").textContent().contains((String) title), "source " + title);
        }
    }

    @Test
    void backForwardAndReloadKeepThePage() {
        String kim = name("kim-jong-un");
        page.navigate(root + "#/actor/" + Ids.bySlug("Actor", "kim-jong-un"));
        shown("actor");
        Locator first = page.locator(".timeline a").first();
        String title = first.textContent();
        first.click();
        shown("encounter");
        assertEquals(title, heading());

        page.goBack();
        shown("actor");
        assertEquals(kim, heading());
        page.goForward();
        shown("encounter");
        assertEquals(title, heading());
        page.reload();
        shown("encounter");
        assertEquals(title, heading());
    }

    @Test
    void timelineDrawsDatesKnownToTheMonthOrYearAsLabelledSpans() {
        Map<String, Object> actor = Database.rows("select a.slug, count(*) filter (where e.start_precision <> 'DAY') vague, "
                + "count(e.start_date) dated from actor a join participant p on p.actor_id = a.id "
                + "join encounter e on e.id = p.encounter_id where e.deleted_at is null group by a.slug "
                + "having count(*) filter (where e.start_precision <> 'DAY') > 0 order by 2 desc, 1 limit 1").get(0);
        page.navigate(root + "#/actor/" + Ids.bySlug("Actor", (String) actor.get("slug")));
        shown("actor");
        long vague = ((Number) actor.get("vague")).longValue();
        assertEquals(((Number) actor.get("dated")).longValue(), page.locator(".timeline li").count());
        assertEquals(vague, page.locator(".timeline .bar.span-month, .timeline .bar.span-year").count());
        // each span is labelled in words: the drawing alone would not say the date is vague
        for (Locator row : page.locator(".timeline li").all()) {
            String bar = row.locator(".bar").getAttribute("class");
            String date = row.locator(".meta .date").first().textContent();
            assertEquals(bar.contains("span-month"), date.contains("month only"), date);
            assertEquals(bar.contains("span-year"), date.contains("year only"), date);
        }
        check(null); // an actor page again: no screenshot of its own
    }

    @Test
    void codedErrorsAreShownReadably() {
        page.route("**/graphql", route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                .setStatus(429)
                .setHeaders(Map.of("Content-Type", "application/graphql-response+json", "Retry-After", "7"))
                .setBody("{\"errors\":[{\"message\":\"This client has spent its budget.\","
                        + "\"extensions\":{\"code\":\"RATE_LIMITED\"}}]}")));
        page.navigate(root.toString());
        shown("error");
        String alert = page.getByRole(AriaRole.ALERT).textContent();
        assertTrue(alert.contains("RATE_LIMITED"), alert);
        assertTrue(alert.contains("slow down"), alert);
        assertTrue(alert.contains("Try again in 7 s"), alert);
        check("error");
        // the refusals above were the test's own: the browser reported them
        problems.removeIf(problem -> problem.contains("429"));

        page.unroute("**/graphql");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Try again")).click();
        shown("home");
    }

    @Test
    void anUnknownIdSaysSo() {
        page.navigate(root + "#/actor/" + Ids.of("Actor", Long.MAX_VALUE));
        shown("error");
        String alert = page.getByRole(AriaRole.ALERT).textContent();
        assertTrue(alert.contains("NOT_FOUND") && alert.contains("Nothing has this ID"), alert);
    }

    @Test
    void usableByKeyboard() {
        page.navigate(root.toString());
        shown("home");
        page.keyboard().press("Tab");
        assertEquals("Skip to content", focused("textContent"));
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        assertEquals("q", focused("id"));
        page.keyboard().type("Putin");
        page.keyboard().press("Enter");
        shown("search");
        // the new page's heading has the focus, so a screen reader reads it; the next Tab reaches the first result
        assertEquals("H1", focused("tagName"));
        page.keyboard().press("Tab");
        String target = focused("textContent");
        page.keyboard().press("Enter");
        shown("actor");
        assertEquals(target, heading());
        assertEquals("H1", focused("tagName"));
    }

    @Test
    void fitsAPhone() throws Exception {
        openContext(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
        for (String path : List.of("#/actor/" + Ids.bySlug("Actor", "kim-jong-un"),
                "#/encounter/" + Ids.bySlug("Encounter", "lavrov-meets-kim-2018"), "#/disagreements")) {
            page.navigate(root + path);
            shown(path.split("/")[1]);
            Object overflow = page.evaluate("() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth");
            assertEquals(0, ((Number) overflow).intValue(), "horizontal scrolling on " + path);
            check(path.split("/")[1] + "-phone");
        }
        page.navigate(root + "#/sign-in?next=%23%2Fedit%2Fencounter");
        shown("sign-in");
        signIn();
        shown("edit-encounter");
        Object overflow = page.evaluate("() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth");
        assertEquals(0, ((Number) overflow).intValue(), "horizontal scrolling on the encounter form");
        check("edit-encounter-phone");
    }


    // --- editors, disagreements, "more"

    @Test
    void anEditorSignsInRecordsAnEncounterAndSeesIt() throws Exception {
        page.navigate(root.toString());
        shown("home");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in as editor")).click();
        shown("sign-in");
        check("sign-in");
        signIn();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record encounter")).click();
        shown("edit-encounter");
        check(null);

        String title = TestRows.unique("Explorer talks");
        String lavrov = name("sergey-lavrov");
        String kim = name("kim-jong-un");
        Map<String, Object> source = Database.rows("select id, title from source where title is not null order by id limit 1").get(0);
        page.getByLabel("Title").fill(title);
        page.getByLabel("Kind").first().selectOption("TALKS");
        Locator start = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Start"));
        start.getByLabel("Date").fill("2096-03-04");
        page.getByLabel("Venue or city").fill("Zz Test venue");
        Locator latitude = page.getByLabel("Latitude");
        latitude.fill("200");
        page.getByLabel("Longitude").fill("131.9");
        Locator first = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Participant 1"));
        pick(first.getByLabel("Actor"), lavrov);
        first.getByLabel("Role").selectOption("HOST");
        Locator second = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Participant 2"));
        pick(second.getByLabel("Actor"), kim);
        second.getByLabel("Role").selectOption("GUEST");
        Locator account = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Source 1"));
        pick(account.getByLabel("Source"), (String) source.get("title"));
        account.getByLabel("Excerpt").fill("Zz test excerpt: the ministers met in the Explorer's test.");

        // the service refuses the latitude: its userError is shown at that field, announced and described
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record encounter")).click();
        page.locator("[aria-invalid='true']").first().waitFor();
        assertEquals("true", latitude.getAttribute("aria-invalid"));
        String errorId = latitude.getAttribute("id") + "-error";
        assertTrue(latitude.getAttribute("aria-describedby").contains(errorId));
        String message = page.locator("#" + errorId).textContent();
        assertTrue(message.contains("90"), message);
        assertEquals(1, page.locator("[aria-invalid='true']").count());
        assertTrue(page.getByRole(AriaRole.ALERT).textContent().contains("One thing to fix"));
        assertEquals(latitude.getAttribute("id"), focused("id"));
        assertEquals(0, Database.count("select count(*) from encounter where title = ?", title));
        check("edit-encounter");

        latitude.fill("43.1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record encounter")).click();
        shown("encounter");
        assertEquals(title, heading());
        Map<String, Object> stored = Database.rows("select id, kind, start_date::text as start, latitude from encounter"
                + " where title = ? and deleted_at is null", title).get(0);
        assertEquals("TALKS", stored.get("kind"));
        assertEquals("2096-03-04", stored.get("start"));
        assertEquals(43.1, ((Number) stored.get("latitude")).doubleValue(), 1e-9);
        long id = ((Number) stored.get("id")).longValue();
        assertEquals(List.of(lavrov, kim), Database.column("select a.name from participant p join actor a"
                + " on a.id = p.actor_id where p.encounter_id = ? order by p.position", id));
        assertTrue(section("Participants").textContent().contains(lavrov));
        assertTrue(section("Participants").textContent().contains(kim));
        assertEquals(1, section("Sources").locator("blockquote").count());

        // status steps entered afterwards: each is shown by the day it took effect, with its source
        String encounter = Ids.of("Encounter", id);
        String sourceId = Ids.of("Source", ((Number) source.get("id")).longValue());
        Map<String, Object> planned = Map.of("encounter", encounter, "version", TestRows.version("encounter", encounter),
                "status", "PLANNED", "effective", Map.of("date", "2096-01-10", "precision", "DAY"), "source", sourceId);
        assertEquals(List.of(), GraphQL.as(DevTokens.editor(), "setEncounterStatus", "input", planned)
                .getList("data.setEncounterStatus.userErrors"));
        page.reload();
        shown("encounter");
        Locator history = section("Status history");
        assertEquals(Database.count("select count(*) from encounter_status_change where encounter_id = ?", id),
                history.locator("li").count());
        Locator step = history.locator("li").filter(new Locator.FilterOptions().setHasText("planned"));
        assertEquals(1, step.locator("time[datetime='2096-01-10']").count());
        assertTrue(step.textContent().contains((String) source.get("title")), step.textContent());
        assertFalse(history.textContent().contains("recorded"), history.textContent());
    }

    /** The service names the row of a list at fault, and the form shows the error at that row's field. */
    @Test
    void aRefusalOfTheSecondRowIsShownAtTheSecondRow() throws Exception {
        signedInAt("#/edit/encounter", "edit-encounter");
        String title = TestRows.unique("Explorer rows");
        String source = (String) sourceOfItsOwnTitle().get("title");
        page.getByLabel("Title").fill(title);
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Start")).getByLabel("Date").fill("2096-03-05");
        Locator participant = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Participant 1"));
        pick(participant.getByLabel("Actor"), name("sergey-lavrov"));
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Participant 2"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove this participant")).click();
        Locator first = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Source 1"));
        pick(first.getByLabel("Source"), source);
        first.getByLabel("Excerpt").fill("Zz test excerpt, first account.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a source")).click();
        Locator second = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Source 2"));
        pick(second.getByLabel("Source"), source);
        second.getByLabel("Excerpt").fill("Zz test excerpt, the same source again.");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record encounter")).click();
        page.locator("[aria-invalid='true']").first().waitFor();
        assertEquals(1, page.locator("[aria-invalid='true']").count());
        assertEquals("true", second.getByLabel("Source").getAttribute("aria-invalid"));
        assertEquals(null, first.getByLabel("Source").getAttribute("aria-invalid"));
        String message = page.locator("#" + second.getByLabel("Source").getAttribute("id") + "-error").textContent();
        assertTrue(message.contains("one attestation per source"), message);
        String summary = page.locator(".form-alert").textContent();
        assertTrue(summary.contains("Source 2, Source: one attestation per source"), summary);
        assertEquals(0, Database.count("select count(*) from encounter where title = ?", title));
        check("edit-encounter-row-error");
    }

    @Test
    void anEditorRecordsAStatementThroughARefusalAndAddsASourcesAccount() throws Exception {
        signedInAt("#/edit/statement", "edit-statement");
        String text = TestRows.unique("Explorer pledge");
        String lavrov = name("sergey-lavrov");
        List<Map<String, Object>> sources = Database.rows("select id, title from source where title is not null order by id limit 2");
        page.getByLabel("Words").fill(text);
        page.getByLabel("Mode").selectOption("VERBATIM");
        page.getByLabel("Kind").selectOption("PLEDGE");
        pick(page.getByLabel("Speaker", new Page.GetByLabelOptions().setExact(true)), lavrov);
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Said on")).getByLabel("Date").fill("2096-05-06");
        Locator account = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Source 1"));
        pick(account.getByLabel("Source"), (String) sources.get(0).get("title"));
        account.getByLabel("Excerpt").fill("Zz test excerpt of the pledge.");

        // the service refuses the write with a coded error: the form says it in words, and keeps what was typed
        page.route("**/graphql", route -> {
            if (route.request().postData().contains("RecordStatement")) {
                route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setStatus(429)
                        .setHeaders(Map.of("Content-Type", "application/graphql-response+json", "Retry-After", "7"))
                        .setBody("{\"errors\":[{\"message\":\"This client has spent its budget.\","
                                + "\"extensions\":{\"code\":\"RATE_LIMITED\"}}]}"));
            } else {
                route.resume();
            }
        });
        Locator send = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record statement"));
        send.click();
        Locator alert = page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("RATE_LIMITED"));
        alert.waitFor();
        assertTrue(alert.textContent().contains("slow down") && alert.textContent().contains("Try again in 7 s"),
                alert.textContent());
        assertEquals(text, page.getByLabel("Words").inputValue());
        assertEquals(0, Database.count("select count(*) from statement where text = ?", text));
        problems.removeIf(problem -> problem.contains("429"));
        page.unroute("**/graphql");

        send.click();
        shown("statement");
        assertEquals(text, page.locator("figure blockquote").textContent());
        Map<String, Object> stored = Database.rows("select s.id, s.mode, s.kind, a.name from statement s join actor a"
                + " on a.id = s.speaker_id where s.text = ?", text).get(0);
        assertEquals(List.of("VERBATIM", "PLEDGE", lavrov), List.of(stored.get("mode"), stored.get("kind"), stored.get("name")));

        // a second source, which gives another day: the page then shows both versions side by side
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a source's account")).click();
        shown("edit-attest");
        pick(page.getByLabel("Source (required)"), (String) sources.get(1).get("title"));
        page.getByLabel("Excerpt").fill("Zz test excerpt: the pledge, a day later.");
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("The date as this source gives it"))
                .getByLabel("Date").fill("2096-05-07");
        check("edit-attest");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add this account")).click();
        shown("statement");
        assertEquals(2, Database.count("select count(*) from attestation where statement_id = ?", stored.get("id")));
        assertEquals(2, section("Sources").locator("blockquote").count());
        assertEquals(2, page.locator(".disagreement .version").count());
    }

    @Test
    void anUpdateBasedOnAStaleVersionSaysSoAndReloads() throws Exception {
        String token = DevTokens.editor();
        String actor = GraphQL.as(token, "createActor", "input", Map.of("name", TestRows.unique("Explorer envoy"),
                "kind", "PERSON")).getString("data.createActor.actor.id");
        page.navigate(root + "#/sign-in?next=" + java.net.URLEncoder.encode("#/edit/actor/" + actor, StandardCharsets.UTF_8));
        shown("sign-in");
        signIn();
        shown("edit-actor");
        page.getByLabel("Description").fill("Zz the editor's description");
        // someone else saves the actor in between
        assertEquals(List.of(), GraphQL.as(token, "updateActor", "input", Map.of("id", actor, "version",
                TestRows.version("actor", actor), "description", "Zz changed meanwhile")).getList("data.updateActor.userErrors"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        Locator alert = page.getByRole(AriaRole.ALERT);
        alert.filter(new Locator.FilterOptions().setHasText("changed meanwhile")).waitFor();
        assertTrue(alert.textContent().contains("Reload"), alert.textContent());
        assertEquals("Zz changed meanwhile", Database.column("select description from actor where id = ?",
                Ids.dbId(actor)).get(0));
        check("edit-actor-conflict");

        alert.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reload")).click();
        shown("edit-actor");
        Locator description = page.getByLabel("Description");
        assertEquals("Zz changed meanwhile", description.inputValue());
        description.fill("Zz the editor's description");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        shown("actor");
        assertTrue(page.locator("dl").textContent().contains("Zz the editor's description"));
        assertEquals("Zz the editor's description", Database.column("select description from actor where id = ?",
                Ids.dbId(actor)).get(0));
    }

    // --- correcting encounters and statements, agreements

    @Test
    void anEditorStepsAnEncountersStatusAndCorrectsIt() throws Exception {
        String token = DevTokens.editor();
        String lavrov = name("sergey-lavrov");
        String kim = name("kim-jong-un");
        String putin = name("vladimir-putin");
        Map<String, Object> source = Database.rows("select id, title from source where title is not null order by id limit 1").get(0);
        String sourceId = Ids.of("Source", ((Number) source.get("id")).longValue());
        String encounter = GraphQL.as(token, "recordEncounter", "input", Map.of("title", TestRows.unique("Explorer summit"),
                "kind", "SUMMIT", "status", "PLANNED", "start", Map.of("date", "2094-02-03", "precision", "DAY"),
                "participants", List.of(Map.of("actor", Ids.bySlug("Actor", "sergey-lavrov"), "role", "HOST"),
                        Map.of("actor", Ids.bySlug("Actor", "kim-jong-un"), "role", "GUEST")),
                "attestations", List.of(Map.of("source", sourceId, "excerpt", "Zz test excerpt of the summit."))))
                .getString("data.recordEncounter.encounter.id");
        long id = Ids.dbId(encounter);
        page.navigate(root + "#/sign-in?next=" + java.net.URLEncoder.encode("#/encounter/" + encounter, StandardCharsets.UTF_8));
        shown("sign-in");
        signIn();
        shown("encounter");
        page.locator(".editor-actions").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit").setExact(true)).click();
        shown("edit-encounter-update");
        check("edit-encounter-update");

        // a status step: held from the 4th, as a source reports it; the page then shows it
        Locator step = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("A status step"));
        step.getByLabel("New status").selectOption("HELD");
        step.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("From")).getByLabel("Date").fill("2094-02-04");
        choose(step.getByLabel("Source"), (String) source.get("title"));
        step.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add this step")).click();
        shown("encounter");
        assertEquals("HELD", Database.column("select status from encounter where id = ?", id).get(0));
        assertTrue(page.locator("dl.facts").textContent().contains("held"), page.locator("dl.facts").textContent());
        Locator held = section("Status history").locator("li").filter(new Locator.FilterOptions().setHasText("held"));
        assertEquals(1, held.locator("time[datetime='2094-02-04']").count());
        assertTrue(held.textContent().contains((String) source.get("title")), held.textContent());

        // the details: a new title, the start known to the month only, Kim's place taken by Putin as mediator
        page.locator(".editor-actions").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit").setExact(true)).click();
        shown("edit-encounter-update");
        Locator details = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("The encounter"));
        String title = TestRows.unique("Explorer summit, corrected");
        details.getByLabel("Title").fill(title);
        details.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Start")).getByLabel("Known to the").selectOption("MONTH");
        Locator second = details.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Participant 2"));
        assertEquals(kim, second.getByLabel("Actor").inputValue());
        second.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove this participant")).click();
        details.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a participant")).click();
        Locator added = details.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Participant 2"));
        choose(added.getByLabel("Actor"), putin);
        added.getByLabel("Role").selectOption("MEDIATOR");
        // a latitude out of range: the service's userError at that field, nothing saved
        Locator latitude = details.getByLabel("Latitude");
        latitude.fill("95");
        details.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save changes")).click();
        page.locator("[aria-invalid='true']").first().waitFor();
        assertEquals("true", latitude.getAttribute("aria-invalid"));
        assertTrue(page.locator("#" + latitude.getAttribute("id") + "-error").textContent().contains("90"));
        check(null);
        latitude.fill("");
        details.getByLabel("Venue or city").fill("");
        details.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save changes")).click();
        shown("encounter");
        assertEquals(title, heading());
        assertEquals(List.of(lavrov, putin), Database.column("select a.name from participant p join actor a"
                + " on a.id = p.actor_id where p.encounter_id = ? order by p.position", id));
        assertEquals(List.of("MONTH", "MEDIATOR"), List.of(Database.column("select start_precision from encounter where id = ?", id).get(0),
                Database.column("select p.role from participant p join actor a on a.id = p.actor_id"
                        + " where p.encounter_id = ? and a.slug = 'vladimir-putin'", id).get(0)));
        assertTrue(section("Participants").textContent().contains(putin));
        assertFalse(section("Participants").textContent().contains(kim));
        assertTrue(page.locator("dl.facts").textContent().contains("month only"), page.locator("dl.facts").textContent());
    }

    @Test
    void anEditorCorrectsAStatementThroughAConflict() throws Exception {
        String token = DevTokens.editor();
        Map<String, Object> source = Database.rows("select id, title from source where title is not null order by id limit 1").get(0);
        String sourceId = Ids.of("Source", ((Number) source.get("id")).longValue());
        String claimText = TestRows.unique("Explorer claim");
        String claim = recordStatement(token, claimText, "kim-jong-un", sourceId);
        String statement = recordStatement(token, TestRows.unique("Explorer reply"), "sergey-lavrov", sourceId);
        page.navigate(root + "#/sign-in?next=" + java.net.URLEncoder.encode("#/statement/" + statement, StandardCharsets.UTF_8));
        shown("sign-in");
        signIn();
        shown("statement");
        page.locator(".editor-actions").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit").setExact(true)).click();
        shown("edit-statement-update");

        // a denial of Kim's claim, about Kim
        String text = TestRows.unique("Explorer denial");
        page.getByLabel("Words").fill(text);
        page.getByLabel("Kind").selectOption("DENIAL");
        choose(page.getByLabel("In response to"), claimText);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a subject")).click();
        choose(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Subject 1")).getByLabel("Actor"), name("kim-jong-un"));
        check("edit-statement-update");

        // someone else saves the statement in between: the save is refused, and says so
        Locator alert = saveRefusedAsChanged("updateStatement", "statement", statement, "speakerLabel");
        assertEquals(0, Database.count("select count(*) from statement where text = ?", text));
        check("edit-statement-conflict");
        alert.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reload")).click();
        shown("edit-statement-update");
        assertEquals("Zz changed meanwhile", page.getByLabel("Speaker as the source describes them").inputValue());

        page.getByLabel("Words").fill(text);
        page.getByLabel("Kind").selectOption("DENIAL");
        choose(page.getByLabel("In response to"), claimText);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a subject")).click();
        choose(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Subject 1")).getByLabel("Actor"), name("kim-jong-un"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        shown("statement");
        assertEquals(text, page.locator("figure blockquote").textContent());
        Map<String, Object> stored = Database.rows("select kind, responds_to_id from statement where id = ?",
                Ids.dbId(statement)).get(0);
        assertEquals(List.of("DENIAL", Ids.dbId(claim)), List.of(stored.get("kind"), ((Number) stored.get("responds_to_id")).longValue()));
        assertEquals(List.of(name("kim-jong-un")), Database.column("select a.name from statement_about sa join actor a"
                + " on a.id = sa.actor_id where sa.statement_id = ?", Ids.dbId(statement)));
        assertTrue(section("In response to").textContent().contains(claimText));
        assertTrue(page.locator("dl.facts").textContent().contains(name("kim-jong-un")));
    }

    @Test
    void anEditorMakesAnEncounterPartOfAnotherAndIsRefusedACycle() throws Exception {
        String token = DevTokens.editor();
        String summitTitle = TestRows.unique("Explorer parent summit");
        String summit = recordEncounter(token, summitTitle, "2093-04-05", "sergey-lavrov", "kim-jong-un");
        String talks = recordEncounter(token, TestRows.unique("Explorer side talks"), "2093-04-06", "sergey-lavrov");
        page.navigate(root + "#/sign-in?next=" + java.net.URLEncoder.encode("#/edit/encounter/" + talks, StandardCharsets.UTF_8));
        shown("sign-in");
        signIn();
        shown("edit-encounter-update");
        Locator details = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("The encounter"));
        // suggested among the encounters of its first participant, Lavrov: the summit, by a word of its title
        choose(details.getByLabel("Part of"), summitTitle);
        check("edit-encounter-part-of");
        details.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save changes")).click();
        shown("encounter");
        assertEquals(Ids.dbId(summit), ((Number) Database.column("select part_of_id from encounter where id = ?",
                Ids.dbId(talks)).get(0)).longValue());
        page.locator("dl.facts").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(summitTitle)).click();
        // from one encounter to another: the talks' page is an encounter page too until the hash change renders
        shownTitled("encounter", summitTitle);
        assertEquals(1, section("Parts").locator("li").count());

        // the summit made part of its own part: the service refuses the loop, at the field
        page.locator(".editor-actions").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit").setExact(true)).click();
        shown("edit-encounter-update");
        details = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("The encounter"));
        Locator partOf = details.getByLabel("Part of");
        String talksTitle = (String) Database.column("select title from encounter where id = ?", Ids.dbId(talks)).get(0);
        choose(partOf, talksTitle);
        details.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save changes")).click();
        page.locator("[aria-invalid='true']").first().waitFor();
        assertEquals("true", partOf.getAttribute("aria-invalid"));
        assertFalse(page.locator("#" + partOf.getAttribute("id") + "-error").textContent().isBlank());
        assertEquals(null, Database.column("select part_of_id from encounter where id = ?", Ids.dbId(summit)).get(0));
        check(null);

        // emptied, the field clears the link of the part
        page.navigate(root + "#/edit/encounter/" + talks);
        shown("edit-encounter-update");
        details.getByLabel("Part of").fill("");
        details.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save changes")).click();
        shown("encounter");
        assertEquals(null, Database.column("select part_of_id from encounter where id = ?", Ids.dbId(talks)).get(0));
        assertFalse(page.locator("dl.facts").textContent().contains(summitTitle));
    }

    @Test
    void anEditorChangesWhatAStatementIsAbout() throws Exception {
        String token = DevTokens.editor();
        Map<String, Object> source = Database.rows("select id from source where title is not null order by id limit 1").get(0);
        String statement = recordStatement(token, TestRows.unique("Explorer remark"), "sergey-lavrov",
                Ids.of("Source", ((Number) source.get("id")).longValue()));
        long id = Ids.dbId(statement);
        String encounterTitle = TestRows.unique("Explorer talks about");
        String encounter = recordEncounter(token, encounterTitle, "2094-05-06", "sergey-lavrov");
        assertEquals(List.of(), GraphQL.as(token, "updateStatement", "input", Map.of("id", statement, "version",
                TestRows.version("statement", statement), "about", List.of(Ids.bySlug("Actor", "kim-jong-un"),
                        Ids.bySlug("Actor", "north-korea")))).getList("data.updateStatement.userErrors"));
        String declaration = (String) Database.column("select title from agreement where slug = 'panmunjom-declaration-2018'").get(0);
        page.navigate(root + "#/sign-in?next=" + java.net.URLEncoder.encode("#/edit/statement/" + statement, StandardCharsets.UTF_8));
        shown("sign-in");
        signIn();
        shown("edit-statement-update");

        // Kim removed, North Korea kept; an encounter and an agreement added
        Locator first = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Subject 1"));
        assertEquals(name("kim-jong-un"), first.getByLabel("Actor").inputValue());
        first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove this subject")).click();
        assertEquals(name("north-korea"), page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Subject 1"))
                .getByLabel("Actor").inputValue());
        relate("encounter", "Encounter", encounterTitle);
        relate("agreement", "Agreement", declaration);
        check("edit-statement-about");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        shown("statement");
        assertEquals(List.of(name("north-korea")), Database.column("select a.name from statement_about sa join actor a"
                + " on a.id = sa.actor_id where sa.statement_id = ?", id));
        assertEquals(List.of(Ids.dbId(encounter)), Database.column("select encounter_id from statement_about_encounter"
                + " where statement_id = ?", id).stream().map(v -> ((Number) v).longValue()).toList());
        assertEquals(List.of(declaration), Database.column("select g.title from statement_about_agreement sa join agreement g"
                + " on g.id = sa.agreement_id where sa.statement_id = ?", id));
        String about = page.locator("dl.facts").textContent();
        assertTrue(about.contains(declaration) && about.contains(encounterTitle) && !about.contains(name("kim-jong-un")), about);

        // the agreement removed again: the statement is about nothing but North Korea and the encounter
        page.locator(".editor-actions").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit").setExact(true)).click();
        shown("edit-statement-update");
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Related agreement 1"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove this related agreement")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        shown("statement");
        assertEquals(0, Database.count("select count(*) from statement_about_agreement where statement_id = ?", id));
        assertEquals(1, Database.count("select count(*) from statement_about_encounter where statement_id = ?", id));
        assertFalse(page.locator("dl.facts").textContent().contains(declaration));
    }

    @Test
    void anEditorRelatesAStatementToASourceAndToAnotherStatement() throws Exception {
        String token = DevTokens.editor();
        Map<String, Object> source = sourceOfItsOwnTitle();
        String sourceId = Ids.of("Source", ((Number) source.get("id")).longValue());
        String statement = recordStatement(token, TestRows.unique("Explorer comment"), "sergey-lavrov", sourceId);
        String otherText = TestRows.unique("Explorer claim commented on");
        String other = recordStatement(token, otherText, "kim-jong-un", sourceId);
        long id = Ids.dbId(statement);
        signedInAt("#/edit/statement/" + statement, "edit-statement-update");

        relate("source", "Source", (String) source.get("title"));
        relate("statement", "Statement", otherText);
        check("edit-statement-about-sources");
        // a row left empty is dropped from the form when it is saved, not sent
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a related source")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        shown("statement");
        assertEquals(List.of(source.get("id")), Database.column("select source_id from statement_about_source"
                + " where statement_id = ?", id));
        assertEquals(List.of(Ids.dbId(other)), Database.column("select about_statement_id from statement_about_statement"
                + " where statement_id = ?", id).stream().map(v -> ((Number) v).longValue()).toList());
        Locator about = page.locator("dl.facts");
        assertEquals(1, about.locator("a[href='#/source/" + java.net.URLEncoder.encode(sourceId, StandardCharsets.UTF_8) + "']").count());
        assertTrue(about.textContent().contains(otherText), about.textContent());
        check("statement-about-sources");

        // the form shows them as saved; the statement removed again
        page.locator(".editor-actions").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit").setExact(true)).click();
        shown("edit-statement-update");
        Locator related = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Related statement 1"));
        assertEquals(otherText, related.getByLabel("Statement").inputValue());
        assertEquals(source.get("title"), page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Related source 1"))
                .getByLabel("Source").inputValue());
        related.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove this related statement")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        shown("statement");
        assertEquals(0, Database.count("select count(*) from statement_about_statement where statement_id = ?", id));
        assertEquals(1, Database.count("select count(*) from statement_about_source where statement_id = ?", id));
        assertFalse(page.locator("dl.facts").textContent().contains(otherText));
    }

    @Test
    void anEditorRecordsAnAgreementCorrectsItThroughAConflictAndAttestsIt() throws Exception {
        String token = DevTokens.editor();
        List<Map<String, Object>> sources = Database.rows("select id, title from source where title is not null order by id limit 2");
        String summitTitle = TestRows.unique("Explorer signing summit");
        String summit = recordEncounter(token, summitTitle, "2097-08-01", "kim-jong-un", "vladimir-putin");
        page.navigate(root + "#/sign-in?next=%23%2Fedit%2Fagreement");
        shown("sign-in");
        signIn();
        shown("edit-agreement");
        String title = TestRows.unique("Explorer treaty");
        page.getByLabel("Title").fill(title);
        page.getByLabel("Kind").selectOption("TREATY");
        choose(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Party 1")).getByLabel("Actor"), name("north-korea"));
        choose(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Party 2")).getByLabel("Actor"), name("russia"));
        Locator step = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Step 1"));
        step.getByLabel("Status").selectOption("SIGNED");
        step.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Date")).getByLabel("Date").fill("2097-08-01");
        choose(step.getByLabel("Source"), (String) sources.get(0).get("title"));
        // the parties are states, the summit's participants their leaders: it is suggested by the day of the signing
        choose(page.getByLabel("Signed at"), summitTitle);
        Locator account = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Source 1"));
        choose(account.getByLabel("Source"), (String) sources.get(0).get("title"));
        // no excerpt: the service's userError is shown at that field, nothing saved
        Locator send = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record agreement"));
        send.click();
        page.locator("[aria-invalid='true']").first().waitFor();
        Locator excerpt = account.getByLabel("Excerpt");
        assertEquals("true", excerpt.getAttribute("aria-invalid"), page.locator(".form-alert").textContent());
        assertEquals(0, Database.count("select count(*) from agreement where title = ?", title));
        check("edit-agreement");
        excerpt.fill("Zz test excerpt: the treaty was signed.");
        send.click();
        shown("agreement");
        assertEquals(title, heading());
        long id = ((Number) Database.column("select id from agreement where title = ?", title).get(0)).longValue();
        String agreement = Ids.of("Agreement", id);
        assertEquals(List.of("TREATY", Ids.dbId(summit)), List.of(Database.column("select kind from agreement where id = ?", id).get(0),
                ((Number) Database.column("select signed_at_id from agreement where id = ?", id).get(0)).longValue()));
        assertEquals(List.of(name("north-korea"), name("russia")), Database.column("select a.name from agreement_party p"
                + " join actor a on a.id = p.actor_id where p.agreement_id = ? order by p.position", id));
        assertEquals(List.of("SIGNED 2097-08-01"), Database.column("select status || ' ' || step_date from agreement_step"
                + " where agreement_id = ? order by position", id));
        assertTrue(page.locator("dl.facts").textContent().contains(summitTitle), page.locator("dl.facts").textContent());

        // a ratification added while someone else changed the summary: refused, reloaded, then saved
        page.locator(".editor-actions").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit").setExact(true)).click();
        shown("edit-agreement-update");
        addRatification();
        check("edit-agreement-update");
        Locator alert = saveRefusedAsChanged("updateAgreement", "agreement", agreement, "summary");
        assertEquals(1, Database.count("select count(*) from agreement_step where agreement_id = ?", id));
        alert.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reload")).click();
        shown("edit-agreement-update");
        assertEquals("Zz changed meanwhile", page.getByLabel("Summary").inputValue());
        assertEquals(summitTitle, page.getByLabel("Signed at").inputValue());
        addRatification();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        shown("agreement");
        assertEquals(List.of("SIGNED 2097-08-01 DAY", "RATIFIED 2097-11-01 MONTH"), Database.column("select status || ' '"
                + " || step_date || ' ' || step_precision from agreement_step where agreement_id = ? order by position", id));
        assertEquals(2, section("Steps").locator("li").count());
        assertTrue(section("Steps").textContent().contains(sources.get(0).get("title").toString()));

        // a second source's account of the agreement
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a source's account")).click();
        shown("edit-attest");
        assertTrue(page.locator("main").textContent().contains("Of the agreement " + title));
        choose(page.getByLabel("Source (required)"), (String) sources.get(1).get("title"));
        page.getByLabel("Excerpt").fill("Zz test excerpt: a treaty, says the second source.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add this account")).click();
        shown("agreement");
        assertEquals(2, Database.count("select count(*) from agreement_attestation where agreement_id = ?", id));
        assertEquals(2, section("Sources").locator("blockquote").count());
    }

    private static long first(String sql) {
        return ((Number) Database.column(sql).get(0)).longValue();
    }

    /** A second step in the agreement form: ratified in November 2097, the day not known. */
    private void addRatification() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a step")).click();
        Locator date = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Step 2"))
                .getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Date"));
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Step 2")).getByLabel("Status").selectOption("RATIFIED");
        date.getByLabel("Known to the").selectOption("MONTH");
        date.getByLabel("Date").fill("2097-11-01");
    }

    /**
     * Someone else sets the record's field to "Zz changed meanwhile" (through the API), then the form's "Save changes"
     * is sent, based on the version before: returns the alert of its refusal.
     */
    private Locator saveRefusedAsChanged(String mutation, String table, String id, String field) throws Exception {
        assertEquals(List.of(), GraphQL.as(DevTokens.editor(), mutation, "input", Map.of("id", id, "version",
                TestRows.version(table, id), field, "Zz changed meanwhile")).getList("data." + mutation + ".userErrors"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        Locator alert = page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("changed meanwhile"));
        alert.waitFor();
        return alert;
    }

    /** Records an encounter through the API, held on the day given, its participants principals, with one source. */
    private static String recordEncounter(String token, String title, String day, String... actors) {
        Object source = Database.column("select id from source where title is not null order by id limit 1").get(0);
        return GraphQL.as(token, "recordEncounter", "input", Map.of("title", title, "kind", "MEETING", "status", "HELD",
                "start", Map.of("date", day, "precision", "DAY"),
                "participants", java.util.Arrays.stream(actors)
                        .map(a -> Map.of("actor", Ids.bySlug("Actor", a), "role", "PRINCIPAL")).toList(),
                "attestations", List.of(Map.of("source", Ids.of("Source", ((Number) source).longValue()),
                        "excerpt", "Zz test excerpt of the encounter."))))
                .getString("data.recordEncounter.encounter.id");
    }

    @Test
    void anAgreementHasItsPageAndItsDisagreementsAreListed() throws Exception {
        // the curated declaration, reached from the summit where it was signed
        page.navigate(root + "#/encounter/" + Ids.bySlug("Encounter", "inter-korean-summit-2018"));
        shown("encounter");
        String declaration = (String) Database.column("select title from agreement where slug = 'panmunjom-declaration-2018'").get(0);
        section("Agreements signed there").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(declaration)).click();
        shown("agreement");
        assertEquals(declaration, heading());
        for (Object party : Database.column("select a.name from agreement_party p join actor a on a.id = p.actor_id"
                + " join agreement g on g.id = p.agreement_id where g.slug = 'panmunjom-declaration-2018'")) {
            assertTrue(page.locator("dl.facts").textContent().contains((String) party), "party " + party);
        }
        assertEquals(Database.count("select count(*) from agreement_step s join agreement g on g.id = s.agreement_id"
                + " where g.slug = 'panmunjom-declaration-2018'"), section("Steps").locator("li").count());
        assertEquals(Database.count("select count(*) from agreement_attestation s join agreement g on g.id = s.agreement_id"
                + " where g.slug = 'panmunjom-declaration-2018'"), section("Sources").locator("blockquote").count());
        check("agreement");

        // an agreement whose second source gives another day of its signing is among the disagreements
        List<Map<String, Object>> sources = Database.rows("select id from source where title is not null order by id limit 2");
        String title = TestRows.unique("Explorer memorandum");
        JsonPath created = GraphQL.as(DevTokens.editor(), "createAgreement", "input", Map.of("kind", "MEMORANDUM",
                "title", title, "parties", List.of(Ids.bySlug("Actor", "north-korea"), Ids.bySlug("Actor", "russia")),
                "steps", List.of(Map.of("status", "SIGNED", "date", Map.of("date", "2099-07-01", "precision", "DAY"))),
                "attestations", List.of(
                        Map.of("source", Ids.of("Source", ((Number) sources.get(0).get("id")).longValue()), "excerpt", "Zz test excerpt, signed."),
                        Map.of("source", Ids.of("Source", ((Number) sources.get(1).get("id")).longValue()), "excerpt", "Zz test excerpt, a day later.",
                                "reportedDate", Map.of("date", "2099-07-02", "precision", "DAY")))));
        assertEquals(List.of(), created.getList("data.createAgreement.userErrors"));
        page.navigate(root + "#/disagreements");
        shown("disagreements");
        Locator item = page.locator(".disagreement-item").filter(new Locator.FilterOptions().setHas(page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName(title).setExact(true))));
        assertEquals(1, item.count());
        assertEquals(2, item.locator(".given time").count());
        item.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(title).setExact(true)).click();
        shown("agreement");
        assertEquals(2, page.locator(".disagreement .version").count());
        check("agreement-disagreement");
    }

    /**
     * Picks a suggestion, then leaves the field: its list of suggestions, open while it has the focus, would
     * otherwise take the next click.
     */
    private void choose(Locator input, String name) {
        pick(input, name);
        input.blur();
    }

    private static String recordStatement(String token, String text, String speaker, String source) {
        return GraphQL.as(token, "recordStatement", "input", Map.of("text", text, "mode", "PARAPHRASE", "kind", "CLAIM",
                "speaker", Ids.bySlug("Actor", speaker), "saidOn", Map.of("date", "2094-05-06", "precision", "DAY"),
                "attestations", List.of(Map.of("source", source, "excerpt", "Zz test excerpt of the statement."))))
                .getString("data.recordStatement.statement.id");
    }

    /**
     * A full load sends one request per page view, for every page type that reads: boot.js's early read and the
     * page's own are one (a page asking with other variables than routes.firstRead gives would send a second).
     */
    @Test
    void aFullLoadOfEachPageTypeSendsOneRequest() throws Exception {
        List<String> sent = new CopyOnWriteArrayList<>();
        page.onRequest(request -> {
            if (request.url().endsWith("/graphql")) {
                sent.add(request.postData());
            }
        });
        page.navigate(root + "#/sign-in");
        shown("sign-in");
        signIn(); // the editors' forms too (the token stays in the tab's sessionStorage)
        String statement = Ids.of("Statement", first("select min(id) from statement where deleted_at is null"));
        String agreement = Ids.bySlug("Agreement", "panmunjom-declaration-2018");
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("#/", "home");
        pages.put("#/search?q=Lavrov", "search");
        pages.put("#/actor/" + Ids.bySlug("Actor", "kim-jong-un"), "actor");
        pages.put("#/encounter/" + Ids.bySlug("Encounter", "lavrov-meets-kim-2018"), "encounter");
        pages.put("#/statement/" + statement, "statement");
        pages.put("#/source/" + Ids.of("Source", first("select min(id) from source where deleted_at is null")), "source");
        pages.put("#/agreement/" + agreement, "agreement");
        pages.put("#/disagreements", "disagreements");
        pages.put("#/edit/actor/" + Ids.bySlug("Actor", "kim-jong-un"), "edit-actor");
        pages.put("#/edit/encounter/" + Ids.bySlug("Encounter", "lavrov-meets-kim-2018"), "edit-encounter-update");
        pages.put("#/edit/statement/" + statement, "edit-statement-update");
        pages.put("#/edit/agreement/" + agreement, "edit-agreement-update");
        for (Map.Entry<String, String> entry : pages.entrySet()) {
            page.navigate("about:blank");
            sent.clear();
            page.navigate(root + entry.getKey());
            shown(entry.getValue());
            assertEquals(1, sent.size(), entry.getKey() + ": " + sent);
        }
    }

    @Test
    void theDisagreementsPageListsWhatSourcesDisagreeOn() {
        page.navigate(root + "#/disagreements");
        shown("disagreements");
        String meeting = (String) Database.column("select title from encounter where slug = 'lavrov-meets-kim-2018'").get(0);
        Locator item = page.locator(".disagreement-item").filter(new Locator.FilterOptions().setHas(page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName(meeting).setExact(true))));
        assertEquals(1, item.count());
        // each date its sources give is listed (30 and 31 May 2018 in the curated data)
        List<Object> reported = Database.column("select distinct a.reported_date::text from attestation a join encounter e"
                + " on e.id = a.encounter_id where e.slug = 'lavrov-meets-kim-2018' and a.reported_date is not null");
        assertTrue(reported.size() > 1, reported.toString());
        for (Object date : reported) {
            assertEquals(1, item.locator(".given time[datetime='" + date + "']").count(), "version " + date);
        }
        check("disagreements");

        item.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(meeting).setExact(true)).click();
        shown("encounter");
        assertEquals(meeting, heading());
        assertTrue(page.locator(".disagreement .version").count() > 1);

        // a statement whose sources disagree shows its versions side by side too
        page.goBack();
        shown("disagreements");
        page.locator(".disagreement-item a[href^='#/statement/']").first().click();
        shown("statement");
        assertTrue(page.locator(".disagreement .version").count() > 1);
        check(null);
    }

    @Test
    void moreReadsTheNextPagesOfAnActorsLists() {
        long about = Database.count("select count(*) from statement_about sa join statement s on s.id = sa.statement_id"
                + " join actor a on a.id = sa.actor_id where a.slug = 'north-korea' and s.deleted_at is null");
        assertTrue(about > 20, "north-korea is the subject of more statements than a page: " + about);
        page.navigate(root + "#/actor/" + Ids.bySlug("Actor", "north-korea"));
        shown("actor");
        Locator others = section("What others say about them");
        assertEquals(20, others.locator("li.statement").count());
        Locator more = others.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("More statements"));
        long shown = 20;
        while (shown < about) {
            more.click();
            shown = Math.min(shown + 20, about);
            others.locator("li.statement").nth((int) shown - 1).waitFor();
        }
        assertEquals(about, others.locator("li.statement").count());
        assertTrue(more.isHidden());
        assertEquals(about + " of " + about + " statements shown", others.getByRole(AriaRole.STATUS).textContent());
        // no statement twice: the pages follow each other
        assertEquals(about, ((Number) others.locator("li.statement a[href^='#/statement/']").evaluateAll(
                "links => new Set(links.map(a => a.getAttribute('href'))).size")).longValue());
    }

    /** Signs in with a fresh editor's token on the sign-in page, which then goes where it was asked to. */
    /** Adds a first related record of this kind to the statement form (its picker's label), chosen by its name. */
    private void relate(String noun, String label, String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a related " + noun)).click();
        choose(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Related " + noun + " 1")).getByLabel(label), name);
    }

    /** Opens the sign-in page on its way to this hash, signs in, and waits for the page. */
    private void signedInAt(String hash, String pageName) throws Exception {
        page.navigate(root + "#/sign-in?next=" + java.net.URLEncoder.encode(hash, StandardCharsets.UTF_8));
        shown("sign-in");
        signIn();
        shown(pageName);
    }

    /** A source (id, title) whose title no other live source has: a picker offers it by its title alone. */
    private static Map<String, Object> sourceOfItsOwnTitle() {
        return Database.rows("select id, title from source where title is not null and deleted_at is null and title not in"
                + " (select title from source where deleted_at is null group by title having count(*) > 1) order by id limit 1").get(0);
    }

    private void signIn() throws Exception {
        page.getByLabel("Editor token").fill(DevTokens.editor());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.locator("#editor").filter(new Locator.FilterOptions().setHasText("Editor: test-editor")).waitFor();
    }

    /** Types a name in a picker and waits for the suggestion that makes it stand for its record. */
    private void pick(Locator input, String name) {
        input.fill(name);
        // polled from here: waitForFunction evaluates strings in the page, which its Content-Security-Policy forbids
        long until = System.currentTimeMillis() + 15_000;
        while (!Boolean.TRUE.equals(page.evaluate("([id, value]) => [...document.getElementById(id).options]"
                + ".some(o => o.value === value)", List.of(input.getAttribute("list"), name)))) {
            assertTrue(System.currentTimeMillis() < until, "no suggestion " + name);
            page.waitForTimeout(50);
        }
    }

    // ---

    private void shown(String pageName) {
        page.locator("main[data-page='" + pageName + "']").waitFor();
    }

    /** The results of this search are shown (typing replaces the results of the letters before). */
    private void searched(String q) {
        page.locator("main[data-page='search'] h1").filter(new Locator.FilterOptions().setHasText(q)).waitFor();
    }

    /**
     * This page with this heading is shown: for a link between two pages of one kind, where the page left already
     * matches {@link #shown} until the browser's hash change starts the next render.
     */
    private void shownTitled(String pageName, String title) {
        page.locator("main[data-page='" + pageName + "']").getByRole(AriaRole.HEADING,
                new Locator.GetByRoleOptions().setLevel(1).setName(title).setExact(true)).waitFor();
    }

    private String heading() {
        return page.locator("main h1").textContent();
    }

    private Locator section(String title) {
        return page.locator("main section").filter(new Locator.FilterOptions().setHas(
                page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title).setExact(true))));
    }

    private String focused(String property) {
        return (String) page.evaluate("p => document.activeElement[p]", property);
    }

    private static String name(String slug) {
        return (String) Database.column("select name from actor where slug = ?", slug).get(0);
    }

    /** No serious or critical axe-core violation on the page as shown, nor a missing value, and a screenshot of it. */
    @SuppressWarnings("unchecked")
    private void check(String shot) {
        List<String> violations = (List<String>) page.evaluate("async () => (await axe.run(document, "
                + "{ resultTypes: ['violations'] })).violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        assertEquals(List.of(), violations, "accessibility of " + page.url());
        String text = page.locator("main").innerText();
        assertFalse(text.matches("(?s).*\\b(null|undefined|NaN)\\b.*"), "a missing value printed on " + page.url() + ": " + text);
        if (shot != null) {
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(shot + ".png")).setFullPage(true));
        }
    }
}
