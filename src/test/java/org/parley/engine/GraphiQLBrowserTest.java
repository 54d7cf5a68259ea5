package org.parley.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.Chromium;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * GraphiQL in a real Chromium opens on the README's example queries, one tab each, runs the first one against the
 * data set, and logs no error (the page's Content-Security-Policy included).
 */
@QuarkusTest
class GraphiQLBrowserTest {

    @TestHTTPResource("/q/graphql-ui/")
    URL ui;

    @Test
    void opensOnTheReadmeExamplesAndRunsTheFirst() {
        Path chromium = Chromium.find();
        List<String> problems = new CopyOnWriteArrayList<>();
        try (Playwright playwright = Chromium.playwright();
                Browser browser = Chromium.launch(playwright, chromium);
                BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.setDefaultTimeout(20_000);
            Chromium.collectProblems(page, problems);
            page.navigate(ui.toString());
            page.locator(".graphiql-tab").first().waitFor();
            assertEquals(List.of("WhoKimJongUnMet", "DenialsAndTheirSources", "EncountersOfMayAndJune2018"),
                    page.locator(".graphiql-tab").allInnerTexts().stream().map(String::strip).toList(),
                    "one tab per README example, named by its operation");
            assertTrue(page.locator(".graphiql-query-editor").innerText().contains("actor(name: \"Kim Jong-un\")"),
                    "the first example in the editor");
            page.locator(".graphiql-execute-button").click();
            page.locator(".graphiql-response").getByText("Kim Jong Un").first().waitFor();
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "graphiql.png")));
        }
        assertEquals(List.of(), problems, "console errors, page errors and failed requests");
    }
}
