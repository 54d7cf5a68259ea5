package org.parley.ops;

import java.time.Duration;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.IntegrationDatabaseResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged application logs JSON with its production settings: every line of the log that the integration-test
 * launcher has it write (target/quarkus.log) is a JSON object, and a request gives one RequestLog line without its
 * variables.
 */
@QuarkusIntegrationTest
@WithTestResource(IntegrationDatabaseResource.class)
class JsonLogsIT {

    private static final Path LOG = Path.of("target/quarkus.log");
    private static final String SECRET = "json-logs-secret-value";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> requests(List<JsonNode> lines) {
        return lines.stream().filter(line -> line.path("loggerName").asText().equals("org.parley.errors.RequestLog"))
                .filter(line -> line.path("message").asText().startsWith("graphql operation=ActorByName ")).toList();
    }

    @Test
    void everyLineIsJsonAndTheRequestLineHasNoVariables() throws IOException, InterruptedException {
        GraphQL.data("actorByName", "name", SECRET);

        await("the request's log line").atMost(Duration.ofSeconds(5)).until(() -> !requests(parse()).isEmpty());
        List<JsonNode> lines = parse();
        List<JsonNode> requests = requests(lines);
        assertFalse(lines.isEmpty(), "the application logged");
        assertEquals(1, requests.size(), "one line for the request");
        String message = requests.get(0).path("message").asText();
        assertTrue(message.matches("graphql operation=ActorByName type=query fields=actor duration_ms=\\d+ outcome=ok"),
                message);
        assertEquals("INFO", requests.get(0).path("level").asText());
        assertFalse(Files.readString(LOG, StandardCharsets.UTF_8).contains(SECRET), "no variable in the log");
    }

    private static List<JsonNode> parse() throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(LOG, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = JSON.readTree(line);
            assertTrue(node.isObject(), "a JSON object: " + line);
            nodes.add(node);
        }
        return nodes;
    }
}
