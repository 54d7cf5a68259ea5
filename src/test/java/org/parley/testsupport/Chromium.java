package org.parley.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * The system's Chromium, driven by Playwright. Playwright's own browser builds are never downloaded (machines here
 * reach no browser host): Debian's {@code chromium} or any Chromium/Chrome named by PARLEY_CHROMIUM is used. Without
 * one the browser tests are skipped with a message saying how to get one, unless PARLEY_REQUIRE_BROWSER=true (CI),
 * which makes them fail.
 */
public final class Chromium {

    private static final List<String> KNOWN = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");

    private Chromium() {
    }

    public static Path find() {
        List<String> candidates = new ArrayList<>();
        String given = System.getenv("PARLEY_CHROMIUM");
        if (given != null && !given.isBlank()) {
            candidates.add(given);
        }
        candidates.addAll(KNOWN);
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        String message = "No Chromium found (looked at " + String.join(", ", candidates) + "): the Explorer's browser "
                + "tests need one. Install it (Debian/Ubuntu: apt-get install -y chromium) or set PARLEY_CHROMIUM to a "
                + "Chromium or Chrome binary.";
        if ("true".equals(System.getenv("PARLEY_REQUIRE_BROWSER"))) {
            fail(message + " PARLEY_REQUIRE_BROWSER=true, so this fails rather than skips.");
        }
        Assumptions.abort(message);
        return null;
    }

    public static Playwright playwright() {
        // the driver must not try to fetch browsers of its own
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser launch(Playwright playwright, Path executable) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setChromiumSandbox(false)
                // no calls to hosts the machine cannot reach
                .setArgs(List.of("--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
    }

    /** Collects the page's console errors, page errors and failed requests into {@code problems}. */
    public static void collectProblems(com.microsoft.playwright.Page page, List<String> problems) {
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                problems.add("console: " + message.text());
            }
        });
        page.onPageError(error -> problems.add("page error: " + error));
        page.onRequestFailed(request -> problems.add("failed: " + request.url() + " " + request.failure()));
    }
}
