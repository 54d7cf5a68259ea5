package org.parley.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.database.LocalDatabase;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.PackagedJar;

import io.restassured.path.json.JsonPath;

/**
 * SIGTERM under a writer load (issue 12, item 4): four threads create actors one after another on the packaged jar
 * (production profile: 5 s shutdown delay, then in-flight requests get up to 20 s) and go on until the process has
 * exited. Every request the service accepted gets an HTTP answer: its result, or a coded error (503
 * {@code SHUTTING_DOWN} once the delay is over): the service's request log has one line per answer, no more. Every
 * acknowledged write is in the database with its audit entry naming the token's subject, and no write committed
 * without its client being told.
 * <p>
 * Two kinds of failure are no accepted request, and are counted and printed: a connection refused once the listener
 * has closed, and a connection closed with no byte of answer as Vert.x stops its HTTP server (the request reached no
 * handler: the request log has no line for it, and the database nothing; some show in the log as Netty's "Failed to
 * register an accepted channel"). The writers honour {@code Retry-After}, as clients behind a load balancer would.
 */
class ShutdownIT {

    private static final String SUBJECT = "shutdown-editor";
    private static final int WRITERS = 4;

    private final LocalDatabase.Endpoint database = PackagedJar.database("_shutdown");
    private final KeyPair key = PackagedJar.keyPair();
    private PackagedJar service;

    /** What one request got. */
    private record Outcome(long sentNanos, int status, String body, IOException failure, String name) {
    }

    @AfterEach
    void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void everyAcceptedRequestIsAnsweredAndEveryAcknowledgedWriteIsAudited() throws Exception {
        service = PackagedJar.start("shutdown-it", database, key);
        String token = DevTokens.sign(SUBJECT, 600, key.getPrivate(), "editor");
        String run = "Zz Shutdown " + UUID.randomUUID().toString().substring(0, 8);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicLong sequence = new AtomicLong();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Thread writer = new Thread(() -> {
                while (service.process().isAlive()) {
                    String name = run + " " + sequence.incrementAndGet();
                    Outcome outcome = createActor(client, token, name);
                    outcomes.add(outcome);
                    if (outcome.status() == 503) {
                        pause(1000); // as told by Retry-After, as a well-behaved client does
                    }
                }
            }, "writer-" + w);
            writer.start();
            writers.add(writer);
        }
        // a few writes acknowledged before the signal (the first requests of a new JVM are slow)
        await("a few writes acknowledged").atMost(Duration.ofSeconds(60))
                .until(() -> outcomes.stream().filter(o -> o.status() == 200).count() >= 2 * WRITERS);
        long sigterm = System.nanoTime();
        service.process().destroy(); // SIGTERM
        assertTrue(service.process().waitFor(2, TimeUnit.MINUTES), "the service exits");
        long exited = System.nanoTime();
        for (Thread writer : writers) {
            writer.join(TimeUnit.MINUTES.toMillis(1));
        }

        List<String> closedUnanswered = new ArrayList<>();
        List<String> acknowledged = new ArrayList<>();
        Map<String, Integer> answers = new HashMap<>();
        int refusedConnections = 0;
        int afterSigterm = 0;
        for (Outcome outcome : outcomes) {
            if (outcome.failure() instanceof ConnectException) {
                refusedConnections++; // never accepted: the listener was closed
                continue;
            }
            if (outcome.failure() != null) {
                closedUnanswered.add(outcome.name() + ": " + outcome.failure());
                continue;
            }
            if (outcome.sentNanos() > sigterm) {
                afterSigterm++;
            }
            JsonPath body = JsonPath.from(outcome.body());
            String code = body.getString("errors[0].extensions.code");
            String id = body.getString("data.createActor.actor.id");
            if (outcome.status() == 200 && code == null && id != null) {
                acknowledged.add(outcome.name());
                answers.merge("200 ok", 1, Integer::sum);
            } else {
                assertTrue(code != null, "an answer without a result must carry a code: " + outcome.body());
                answers.merge(outcome.status() + " " + code, 1, Integer::sum);
            }
        }
        String log = Files.readString(service.log());
        long logged = log.lines().filter(line -> line.contains("fields=createActor")
                || line.contains("codes=SHUTTING_DOWN")).count();
        long notRegistered = log.lines().filter(line -> line.contains("Failed to register an accepted channel")).count();
        int answered = answers.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("ShutdownIT: %d requests, answers %s, %d answered requests were sent after SIGTERM;"
                + " %d connections refused after the listener closed, %d closed without an answer (%d channels not"
                + " registered as Vert.x stopped); %d request log lines; the process exited %d ms after SIGTERM (exit"
                + " code %d)%n", outcomes.size(), answers, afterSigterm, refusedConnections, closedUnanswered.size(),
                notRegistered, logged, TimeUnit.NANOSECONDS.toMillis(exited - sigterm), service.process().exitValue());
        // every request the application saw was answered: one request log line per answer
        assertEquals(answered, logged, "request log lines against answers; unanswered: " + closedUnanswered);

        assertTrue(acknowledged.size() >= WRITERS, "writes were acknowledged: " + answers);
        assertTrue(afterSigterm > 0, "the load went on after SIGTERM");

        // every acknowledged write is there, audited with the token's subject; nothing else of this run committed
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), null);
                PreparedStatement query = connection.prepareStatement("select a.name, c.subject from actor a"
                        + " left join change_log c on c.node_type = 'Actor' and c.node_id = a.id"
                        + " and c.operation = 'createActor' where a.name like ?")) {
            query.setString(1, run + " %");
            Map<String, String> stored = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getString(2));
                }
            }
            for (String name : acknowledged) {
                assertEquals(SUBJECT, stored.get(name), "audit subject of acknowledged write " + name);
            }
            assertEquals(acknowledged.size(), stored.size(), "writes committed: exactly those acknowledged");
        }
        // 143: the JVM's status after SIGTERM once its shutdown hooks have run
        assertTrue(List.of(0, 143).contains(service.process().exitValue()), "exit code; log: " + service.log());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Outcome createActor(HttpClient client, String token, String name) {
        String body = "{\"query\":\"mutation($input: CreateActorInput!) { createActor(input: $input)"
                + " { actor { id } userErrors { code } } }\",\"variables\":{\"input\":{\"kind\":\"PERSON\","
                + "\"name\":\"" + name + "\"}}}";
        HttpRequest request = HttpRequest.newBuilder(service.uri("/graphql")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Outcome(sent, response.statusCode(), response.body(), null, name);
        } catch (IOException e) {
            return new Outcome(sent, 0, null, e, name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(sent, 0, null, new IOException(e), name);
        }
    }
}
