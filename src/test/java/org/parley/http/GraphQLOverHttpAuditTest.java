package org.parley.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Runs the GraphQL-over-HTTP audit suite of the npm package graphql-http ({@code auditServer}) against the running
 * service. The package (exact version in src/test/graphql-http/package-lock.json) is installed under
 * target/graphql-http with {@code npm ci} when missing; node and npm must be on the PATH. Every audit must pass:
 * docs/COMPLIANCE.md says what each one checks and records the counts.
 */
@QuarkusTest
class GraphQLOverHttpAuditTest {

    private static final Path SOURCES = Path.of("src/test/graphql-http");
    private static final Path WORK = Path.of("target/graphql-http");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/graphql")
    URL endpoint;

    @Test
    void everyAuditPasses() throws Exception {
        install();
        String output = run(List.of("node", "audit.mjs", endpoint.toString()), 120);
        JsonNode results = JSON.readTree(output);

        Map<String, Integer> counts = new TreeMap<>();
        List<String> failed = new ArrayList<>();
        for (JsonNode result : results) {
            String status = result.get("status").asText();
            counts.merge(status, 1, Integer::sum);
            if (!status.equals("ok")) {
                failed.add(status + " " + result.get("id").asText() + " " + result.get("name").asText() + ": "
                        + result.path("reason").asText() + " " + result.path("response"));
            }
        }
        System.out.println("graphql-http audits: " + results.size() + " " + counts);
        assertTrue(results.size() >= 60, "the suite ran: " + results.size() + " audits");
        assertEquals(List.of(), failed, "audits that did not pass (error = MUST, warn = SHOULD, notice = MAY)");
    }

    /** Copies the package files to target/graphql-http and installs them there, unless already installed. */
    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        boolean changed = false;
        for (String file : List.of("package.json", "package-lock.json", "audit.mjs")) {
            Path target = WORK.resolve(file);
            byte[] content = Files.readAllBytes(SOURCES.resolve(file));
            if (!Files.exists(target) || !java.util.Arrays.equals(content, Files.readAllBytes(target))) {
                Files.copy(SOURCES.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
                changed = true;
            }
        }
        if (changed || !Files.isDirectory(WORK.resolve("node_modules/graphql-http"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
        }
    }

    /** Runs a command in target/graphql-http and returns its standard output; fails on a non-zero exit. */
    private static String run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("graphql-http", ".err");
        Process process = new ProcessBuilder(command).directory(WORK.toFile())
                .redirectError(errors.toFile()).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(timeoutSeconds, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
        String stderr = Files.readString(errors);
        Files.delete(errors);
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed: " + stderr);
        return new String(output, StandardCharsets.UTF_8);
    }
}
