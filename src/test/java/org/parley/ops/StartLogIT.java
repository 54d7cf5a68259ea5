package org.parley.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.parley.database.LocalDatabase;
import org.parley.testsupport.PackagedJar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged jar as Kubernetes runs it: the migration Job's mode (migrate, load the curated data set, exit 0), then a
 * replica with neither migrations nor the data set at start, serving what the Job loaded. Neither start logs a
 * warning or an error.
 */
class StartLogIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BAD_LEVELS = List.of("WARN", "WARNING", "ERROR", "SEVERE", "FATAL");

    private final LocalDatabase.Endpoint database = PackagedJar.database("_startlog");
    private final KeyPair key = PackagedJar.keyPair();

    @Test
    void theJobMigratesLoadsAndExitsThenAReplicaStartsWithoutEitherAndNoWarning() throws Exception {
        try (PackagedJar job = PackagedJar.launch("startlog-job", database, key, "parley.exit-after-start=true",
                "quarkus.shutdown.delay=0s")) {
            assertTrue(job.process().waitFor(5, TimeUnit.MINUTES), "the Job's run exits by itself: " + job.log());
            assertEquals(0, job.process().exitValue(), "exit status: see " + job.log());
            List<String> messages = messages(job.log());
            assertTrue(messages.stream().anyMatch(m -> m.startsWith("Curated data set")), "the data set was checked");
            assertTrue(messages.stream().anyMatch(m -> m.contains("parley.exit-after-start")), messages.toString());
        }
        try (PackagedJar replica = PackagedJar.start("startlog-replica", database, key,
                "quarkus.flyway.migrate-at-start=false", "quarkus.flyway.active=false",
                "parley.dataset.load-at-start=false")) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(replica.uri("/graphql"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"query\":\"{ actor(name: \\\"Kim Jong Un\\\") { name } }\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"name\":\"Kim Jong"), "the Job's data is served: " + answer.body());
            List<String> messages = messages(replica.log());
            assertFalse(messages.stream().anyMatch(m -> m.contains("Curated data set")), "no data set check at start");
            assertFalse(messages.stream().anyMatch(m -> m.contains("validated") || m.contains("Schema \"public\"")),
                    "no Flyway at start: " + messages);
        }
    }

    @Test
    void theProductionJarLeavesTheLocalDatabaseSupportOut() throws IOException {
        Path app = PackagedJar.JAR.resolveSibling("app");
        try (var jars = Files.list(app)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                    // without its registration nothing loads database.LocalDatabase or EmbeddedServer
                    assertEquals(null, zip.getEntry("META-INF/services/io.smallrye.config.ConfigSourceFactory"),
                            jar + " registers the local database support");
                }
            }
        }
        try (var libs = Files.list(PackagedJar.JAR.resolveSibling("lib").resolve("main"))) {
            assertEquals(List.of(), libs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("io.zonky"))
                    .toList(), "the embedded PostgreSQL is not packaged");
        }
    }

    /** The log's messages; fails on a WARN or ERROR record, or on a line that is no log record and names either. */
    private static List<String> messages(Path log) throws IOException {
        List<String> messages = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode record;
            try {
                record = JSON.readTree(line);
            } catch (JsonProcessingException notJson) {
                record = null;
            }
            if (record == null || !record.isObject()) {
                // the JVM's own warnings, a stack trace printed by hand
                if (line.matches("(?i).*\\b(warn|warning|error|exception)\\b.*")) {
                    bad.add(line);
                }
                continue;
            }
            if (BAD_LEVELS.contains(record.path("level").asText())) {
                bad.add(line);
            }
            messages.add(record.path("message").asText());
        }
        assertEquals(List.of(), bad, "warnings or errors at start in " + log);
        return messages;
    }
}
