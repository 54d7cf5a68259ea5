package org.parley.database;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.GraphQLSocket;
import org.parley.testsupport.Ids;
import org.parley.testsupport.Management;
import org.parley.testsupport.PrometheusText;
import org.parley.testsupport.ReplicaPairProfile;
import org.parley.testsupport.ReplicaPairResource;
import org.parley.testsupport.TestRows;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Reads from a real streaming replica ({@link ReplicaPairResource}: a private primary and a {@code pg_basebackup -R}
 * standby of it). With the replica's replay paused, a write reaches the primary only: the mutation's payload still
 * shows it (read from the primary), a query does not (read from the replica). Stopping the replica sends the reads to
 * the primary at once, readiness stays UP and says so; started again, the replica serves the queries again. A
 * subscription's event carries the object as the primary has it, whatever the replica has replayed.
 */
@QuarkusTest
@TestProfile(ReplicaPairProfile.class)
@EnabledIf(value = "org.parley.testsupport.ReplicaPairResource#binariesPresent", disabledReason = "PostgreSQL 15"
        + " binaries (initdb, pg_ctl, pg_basebackup) are not installed in /usr/lib/postgresql/15/bin (or the directory"
        + " -Dparley.test.postgresql-bin names): no streaming replica can be started")
class ReadReplicaTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(20);

    @TestHTTPResource("/graphql")
    URI graphql;

    @AfterEach
    void replicaBackAndReplaying() throws SQLException {
        ReplicaPairResource.startReplica();
        try (Connection replica = ReplicaPairResource.replicaConnection(); Statement sql = replica.createStatement()) {
            sql.execute("select pg_wal_replay_resume()");
        }
    }

    @Test
    void queriesReadFromTheReplicaAndAMutationsPayloadFromThePrimary() throws Exception {
        JsonPath ready = readiness(200);
        assertEquals("replica", ready.getString(READ_REPLICA + ".data.reads"), ready.prettify());
        assertEquals(true, ready.getBoolean(READ_REPLICA + ".data.standby"), "the replica is a standby");
        String known = createActor(TestRows.unique("Replica known")).getString("data.createActor.actor.id");
        await("the replica replays the first write").atMost(CATCH_UP).until(() -> aliases(known) != null);

        pauseReplay();
        String name = TestRows.unique("Replica envoy");
        JsonPath created = createActor(name);
        assertEquals(name, created.getString("data.createActor.actor.name"), "the payload is read from the primary");
        String id = created.getString("data.createActor.actor.id");
        assertEquals(1, actorRows(ReplicaPairResource::primaryConnection, Ids.dbId(id)), "on the primary");
        assertEquals(0, actorRows(ReplicaPairResource::replicaConnection, Ids.dbId(id)),
                "not yet replayed on the replica");
        double replicaUses = replicaPoolUses();
        assertNull(actorName(id), "a query reads from the replica, which has not replayed the write");
        assertTrue(replicaPoolUses() > replicaUses, "the replica's pool is in the metrics, and was used");

        // a nested, batched field (aliases): in the payload from the primary, in a query from the replica
        String alias = TestRows.unique("Replica alias");
        JsonPath added = GraphQL.as(DevTokens.editor(), "addAlias", "input", Map.of("actor", known, "alias", alias));
        assertTrue(added.getList("data.addAlias.actor.aliases").contains(alias), added.prettify());
        assertEquals(List.of(), aliases(known), "the replica has not replayed the alias");

        resumeReplay();
        await("the replica replays the writes").atMost(CATCH_UP).until(() -> name.equals(actorName(id)));
        assertEquals(List.of(alias), aliases(known));
    }

    @Test
    void readsFallBackToThePrimaryWhileTheReplicaIsDownAndReturnToIt() throws Exception {
        pauseReplay();
        String name = TestRows.unique("Replica fallback");
        String id = createActor(name).getString("data.createActor.actor.id");
        assertNull(actorName(id), "served by the paused replica");

        ReplicaPairResource.stopReplica();
        assertEquals(name, actorName(id), "the first read after the stop is run again on the primary");
        JsonPath ready = readiness(200);
        assertTrue(ready.getString(READ_REPLICA + ".data.reads").startsWith("primary"), ready.prettify());
        assertEquals("UP", ready.getString(READ_REPLICA + ".status"));
        assertEquals(name, actorName(id), "reads stay on the primary");

        ReplicaPairResource.startReplica(); // a restarted standby replays again (the pause is not kept)
        await("readiness reads from the replica again").atMost(CATCH_UP)
                .until(() -> "replica".equals(readiness(200).getString(READ_REPLICA + ".data.reads")));
        await("the replica catches up").atMost(CATCH_UP).until(() -> name.equals(actorName(id)));
        pauseReplay();
        String later = createActor(TestRows.unique("Replica return")).getString("data.createActor.actor.id");
        await("queries read from the replica again").atMost(CATCH_UP).pollInterval(Duration.ofMillis(200))
                .until(() -> actorName(later) == null);
    }

    @Test
    void subscriptionEventsReadTheirObjectFromThePrimary() throws Exception {
        long newest;
        try (Connection primary = ReplicaPairResource.primaryConnection(); Statement sql = primary.createStatement();
                ResultSet rows = sql.executeQuery("select coalesce(max(commit_seq), 0) from change_log")) {
            rows.next();
            newest = rows.getLong(1);
        }
        try (GraphQLSocket socket = GraphQLSocket.open(graphql, null).acknowledged()) {
            socket.subscribe("changes", "subscription ($after: String) { changes(after: $after) {"
                    + " operation node { id ... on Actor { name } } } }",
                    Map.of("after", GraphQLSocket.cursor(newest)));
            pauseReplay();
            String name = TestRows.unique("Replica event");
            String id = createActor(name).getString("data.createActor.actor.id");
            assertNull(actorName(id), "queries read from the paused replica");
            JsonNode event = socket.next("changes");
            assertEquals(id, event.at("/payload/data/changes/node/id").asText(), event.toString());
            assertEquals(name, event.at("/payload/data/changes/node/name").asText(),
                    "the event's object is read from the primary, where the write committed");
        }
    }

    private static final String READ_REPLICA = "checks.find { it.name == '" + ReadReplicaCheck.NAME + "' }";

    private static JsonPath readiness(int status) {
        return Management.given().get("/q/health/ready").then().statusCode(status).extract().jsonPath();
    }

    private static JsonPath createActor(String name) throws Exception {
        return GraphQL.as(DevTokens.editor(), "createActor", "input", Map.of("kind", "PERSON", "name", name));
    }

    private static String actorName(String id) {
        return GraphQL.data("actorById", "id", id).getString("data.actor.name");
    }

    /** Connection uses of the replica's pool ({@code sql_pool_*} metrics, by the pool's name). */
    private static double replicaPoolUses() {
        String metrics = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return new PrometheusText(metrics).sum("sql_pool_usage_seconds_count",
                Map.of("pool_name", "parley-read-replica"));
    }

    private static List<String> aliases(String id) {
        return GraphQL.any("query ($id: ID!) { actor(id: $id) { aliases } }", "id", id)
                .getList("data.actor.aliases");
    }

    private static void pauseReplay() throws SQLException {
        try (Connection replica = ReplicaPairResource.replicaConnection(); Statement sql = replica.createStatement()) {
            sql.execute("select pg_wal_replay_pause()");
        }
    }

    private static void resumeReplay() throws SQLException {
        try (Connection replica = ReplicaPairResource.replicaConnection(); Statement sql = replica.createStatement()) {
            sql.execute("select pg_wal_replay_resume()");
        }
    }

    private interface Server {
        Connection open() throws SQLException;
    }

    private static int actorRows(Server server, long id) throws SQLException {
        try (Connection connection = server.open();
                PreparedStatement sql = connection.prepareStatement("select count(*) from actor where id = ?")) {
            sql.setLong(1, id);
            try (ResultSet rows = sql.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
