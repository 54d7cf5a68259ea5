package org.parley.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testsupport.GraphQL.operation;
import static org.parley.testsupport.GraphQL.vars;
import static org.parley.testsupport.GraphQLSocket.cursor;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.database.LocalDatabase;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.PackagedJar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The client frontends use, npm's {@code graphql-ws} (src/test/js/live, installed here with {@code npm ci} from its
 * lock file), against the packaged jar: it connects with the token in {@code connection_init}, subscribes to the
 * statements of an encounter, receives the one recorded through the API, completes the subscription; then a stream
 * the server ends (expired cursor) reaches it as a coded error followed by the server's complete.
 */
class GraphQLWsClientIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CLIENTS = Path.of("src", "test", "js", "live");

    private final LocalDatabase.Endpoint database = PackagedJar.database("_graphql_ws");
    private final KeyPair key = PackagedJar.keyPair();
    private PackagedJar parley;
    private Process node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.destroyForcibly();
        }
        if (parley != null) {
            parley.close();
        }
    }

    @Test
    void theGraphqlWsClientReceivesAStatementRecordedAtItsEncounterThenCompletes() throws Exception {
        run(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"), Duration.ofMinutes(5));
        parley = PackagedJar.start("graphql-ws-client", database, key);
        String token = DevTokens.sign("graphql-ws-editor", 600, key.getPrivate(), "editor");
        JsonNode ids = parley.graphql(token, "{ actor(name: \"Kim Jong-un\") { id } sources(first: 1) { nodes { id } } }",
                Map.of()).path("data");
        String actor = ids.at("/actor/id").asText();
        String source = ids.at("/sources/nodes/0/id").asText();
        JsonNode encounter = parley.graphql(token, operation("recordEncounter"), vars("input", Map.of("kind", "MEETING",
                "title", "Zz Test graphql-ws " + UUID.randomUUID().toString().substring(0, 8), "status", "PLANNED",
                "participants", List.of(Map.of("actor", actor, "role", "GUEST")),
                "attestations", List.of(Map.of("source", source, "excerpt", "zz test")))));
        String encounterId = encounter.at("/data/recordEncounter/encounter/id").asText();
        assertTrue(!encounterId.isEmpty(), encounter.toString());
        long newest = newestChange();

        node = new ProcessBuilder("node", "subscribe-once.mjs",
                parley.uri("/graphql").toString().replaceFirst("^http", "ws"), token, encounterId, cursor(newest),
                // a cursor the audit trail does not hold: CURSOR_EXPIRED
                cursor(newest + 1_000_000)).directory(CLIENTS.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BlockingQueue<JsonNode> steps = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    steps.add(JSON.readTree(line));
                }
            } catch (IOException e) {
                // the process ended: the test sees the missing step
            }
        });
        reader.setDaemon(true);
        reader.start();

        assertEquals("connected", step(steps).path("step").asText());
        String text = "Zz graphql-ws words " + UUID.randomUUID();
        JsonNode recorded = parley.graphql(token, operation("recordStatement"), vars("input", Map.of("text", text,
                "mode", "PARAPHRASE", "kind", "ASSESSMENT", "speaker", actor, "encounter", encounterId,
                "attestations", List.of(Map.of("source", source, "excerpt", "zz test")))));
        String statement = recorded.at("/data/recordStatement/statement/id").asText();
        assertTrue(!statement.isEmpty(), recorded.toString());

        JsonNode next = step(steps);
        assertEquals("next", next.path("step").asText(), next.toString());
        assertEquals("recordStatement", next.at("/event/operation").asText(), next.toString());
        assertEquals(statement, next.at("/event/statement/id").asText());
        assertEquals(text, next.at("/event/statement/text").asText());
        assertEquals(encounterId, next.at("/event/statement/encounter/id").asText());
        assertEquals("completed", step(steps).path("step").asText());
        JsonNode expired = step(steps);
        assertEquals("expired", expired.path("step").asText(), expired.toString());
        assertEquals("[\"CURSOR_EXPIRED\"]", expired.path("codes").toString());
        assertEquals("done", step(steps).path("step").asText());
        assertTrue(node.waitFor(30, TimeUnit.SECONDS), "the client did not exit");
        assertEquals(0, node.exitValue());
    }

    private static JsonNode step(BlockingQueue<JsonNode> steps) throws InterruptedException {
        JsonNode step = steps.poll(60, TimeUnit.SECONDS);
        if (step == null) {
            throw new AssertionError("The graphql-ws client said nothing within 60 s");
        }
        return step;
    }

    /** Runs a command in the clients' folder, its output in the test's, and fails unless it exits 0 in time. */
    private static void run(List<String> command, Duration limit) throws Exception {
        Process process = new ProcessBuilder(command).directory(CLIENTS.toFile()).inheritIO()
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + limit);
        }
        assertEquals(0, process.exitValue(), command + " failed");
    }

    private long newestChange() throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), null);
                ResultSet rows = connection.createStatement().executeQuery("select max(commit_seq) from change_log")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
