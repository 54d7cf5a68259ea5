package org.parley.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.parley.testsupport.GraphQL.operation;
import static org.parley.testsupport.GraphQL.vars;
import static org.parley.testsupport.GraphQLSocket.cursor;
import static org.parley.testsupport.GraphQLSocket.cursorSeq;

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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.database.LocalDatabase;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQLSocket;
import org.parley.testsupport.PackagedJar;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two replicas (the packaged jar, twice) on one database: a write on A reaches a subscriber on B through PostgreSQL;
 * a refused write reaches no one; a client that was away reconnects to the other replica with its cursor and gets
 * exactly what it missed (checked against change_log); SIGTERM closes B's sockets with 1012.
 */
class ReplicasIT {

    private final LocalDatabase.Endpoint database = PackagedJar.database("_replicas");
    private final KeyPair key = PackagedJar.keyPair();
    private PackagedJar a;
    private PackagedJar b;

    @AfterEach
    void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void writesOnOneReplicaReachSubscribersOnTheOtherInOrderAndNothingIsMissedAcrossAReconnect() throws Exception {
        a = PackagedJar.start("replicas-a", database, key);
        b = PackagedJar.start("replicas-b", database, key);
        String token = DevTokens.sign("replicas-editor", 600, key.getPrivate(), "editor");
        String encounter = recordEncounter(token);

        String lastCursor;
        try (GraphQLSocket onB = GraphQLSocket.open(b.uri("/graphql"), token).acknowledged()) {
            // after: the newest change, so that a write committed before the subscription registers is replayed
            String now = cursor(newestChange());
            onB.subscribe("mine", operation("encounterChanged"),
                    vars("filter", Map.of("encounter", encounter), "after", now));
            onB.subscribe("all", operation("liveChanges"), vars("after", now));

            // refused (stale version): rolled back, no event
            JsonNode refused = setStatus(token, encounter, 5, "CANCELLED");
            assertEquals("CONFLICT", refused.at("/data/setEncounterStatus/userErrors/0/code").asText(),
                    refused.toString());
            setStatus(token, encounter, 0, "HELD");
            JsonNode mine = onB.next("mine");
            assertEquals("HELD", mine.at("/payload/data/encounterChanged/encounter/status").asText(), mine.toString());
            JsonNode all = onB.next("all");
            assertEquals("setEncounterStatus", all.at("/payload/data/changes/operation").asText(), all.toString());
            assertEquals(newestChange(), cursorSeq(all.at("/payload/data/changes/cursor").asText()));
            lastCursor = all.at("/payload/data/changes/cursor").asText();
            assertNull(onB.poll("all", Duration.ofMillis(500)), "only the accepted write was announced");
        }

        // written on A while the client is away
        setStatus(token, encounter, 1, "POSTPONED");
        String other = recordEncounter(token);
        List<Long> missed = changesAfter(cursorSeq(lastCursor));
        assertEquals(2, missed.size());

        try (GraphQLSocket onA = GraphQLSocket.open(a.uri("/graphql"), token).acknowledged()) {
            onA.subscribe("again", operation("liveChanges"), vars("after", lastCursor));
            List<Long> received = new ArrayList<>();
            List<String> objects = new ArrayList<>();
            for (int i = 0; i < missed.size(); i++) {
                JsonNode event = onA.next("again");
                received.add(cursorSeq(event.at("/payload/data/changes/cursor").asText()));
                objects.add(event.at("/payload/data/changes/id").asText());
            }
            assertEquals(missed, received);
            assertEquals(List.of(encounter, other), objects);
            assertNull(onA.poll("again", Duration.ofMillis(500)), "nothing twice");
        }

        // how long a write on A takes to reach a subscriber on B: from sending the mutation to the event's arrival
        try (GraphQLSocket onB = GraphQLSocket.open(b.uri("/graphql"), token).acknowledged()) {
            onB.subscribe("timed", operation("encounterChanged"),
                    vars("filter", Map.of("encounter", other), "after", cursor(newestChange())));
            List<Long> millis = new ArrayList<>();
            String[] statuses = { "HELD", "POSTPONED" };
            for (int version = 0; version < 30; version++) {
                long sent = System.nanoTime();
                setStatus(token, other, version, statuses[version % 2]);
                JsonNode event = onB.next("timed");
                millis.add((System.nanoTime() - sent) / 1_000_000);
                assertEquals(statuses[version % 2],
                        event.at("/payload/data/encounterChanged/encounter/status").asText(), event.toString());
            }
            millis.sort(null);
            System.out.printf("ReplicasIT: mutation sent on A to event received on B, 30 writes: p50 %d ms, max %d ms%n",
                    millis.get(14), millis.get(29));
        }

        // SIGTERM: B's sockets are closed with 1012 (service restart: reconnect elsewhere)
        try (GraphQLSocket onB = GraphQLSocket.open(b.uri("/graphql"), token).acknowledged()) {
            b.process().destroy();
            assertEquals(1012, onB.closeCode());
        }
    }

    private String recordEncounter(String token) throws Exception {
        JsonNode ids = post(token, "{ actor(name: \"Kim Jong-un\") { id } sources(first: 1) { nodes { id } } }",
                Map.of());
        Map<String, Object> input = new HashMap<>();
        input.put("kind", "MEETING");
        input.put("title", "Zz Test replicas " + UUID.randomUUID().toString().substring(0, 8));
        input.put("status", "PLANNED");
        input.put("participants", List.of(Map.of("actor", ids.at("/data/actor/id").asText(), "role", "GUEST")));
        input.put("attestations", List.of(Map.of("source", ids.at("/data/sources/nodes/0/id").asText(),
                "excerpt", "zz test")));
        JsonNode recorded = post(token, operation("recordEncounter"), vars("input", input));
        assertEquals(0, recorded.at("/data/recordEncounter/userErrors").size(), recorded.toString());
        return recorded.at("/data/recordEncounter/encounter/id").asText();
    }

    private JsonNode setStatus(String token, String encounter, int version, String status) throws Exception {
        return post(token, operation("setEncounterStatus"),
                vars("input", Map.of("encounter", encounter, "version", version, "status", status)));
    }

    /** Posts to replica A. */
    private JsonNode post(String token, String query, Map<String, Object> variables) throws Exception {
        return a.graphql(token, query, variables);
    }

    private long newestChange() throws Exception {
        List<Long> newest = query("select max(commit_seq) from change_log", 0);
        return newest.get(0);
    }

    private List<Long> changesAfter(long id) throws Exception {
        return query("select commit_seq from change_log where commit_seq > ? order by commit_seq", id);
    }

    private List<Long> query(String sql, long argument) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), null);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (sql.contains("?")) {
                statement.setLong(1, argument);
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }
}
