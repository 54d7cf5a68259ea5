package org.parley.actor;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.CountingProxyProfile;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.GraphQL;
import org.parley.testsupport.Ids;
import org.parley.testsupport.StatementCounterResource.CountedStatements;
import org.parley.testsupport.TestRows;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Writes of lists scale with their length (issue 12, item 8): the aliases of createActor and the actors a statement
 * is about are written by a fixed number of statements whatever their number (counted on the wire), and a list past
 * its maximum is refused with BAD_USER_INPUT before any statement.
 */
@QuarkusTest
@TestProfile(CountingProxyProfile.class)
class AliasWritesTest {

    @CountedStatements
    AtomicLong executed;

    @AfterAll
    static void removeWhatTheTestsCreated() {
        TestRows.removeAll();
    }

    private static String editor() throws Exception {
        return DevTokens.mint("test-editor", 600, "editor");
    }

    private static Map<String, Object> actorWithAliases(String name, int aliases) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < aliases; i++) {
            names.add(name + " alias " + i);
        }
        Map<String, Object> input = new HashMap<>();
        input.put("kind", "PERSON");
        input.put("name", name);
        input.put("aliases", names);
        return input;
    }

    /** Statements that one createActor with this many aliases runs. */
    private long statementsToCreate(int aliases) throws Exception {
        String name = TestRows.unique("Aliased");
        long before = executed.get();
        JsonPath body = GraphQL.as(editor(), "createActor", "input", actorWithAliases(name, aliases));
        long statements = executed.get() - before;
        assertEquals(List.of(), body.getList("data.createActor.userErrors"));
        long id = Ids.dbId(body.getString("data.createActor.actor.id"));
        // every alias stored, in the order given
        List<Object> stored = Database.column("select alias from actor_alias where actor_id = ? order by position", id);
        assertEquals(aliases, stored.size());
        assertEquals(name + " alias 0", stored.get(0));
        assertEquals(name + " alias " + (aliases - 1), stored.get(aliases - 1));
        return statements;
    }

    @Test
    void aThousandAliasesTakeAsManyStatementsAsTwo() throws Exception {
        statementsToCreate(2); // warm-up: prepared statements, first connections
        long two = statementsToCreate(2);
        long thousand = statementsToCreate(1000);
        assertEquals(two, thousand, "statements for 2 aliases, then for 1,000");
    }

    @Test
    void moreAliasesThanTheMaximumAreRefusedBeforeAnyStatement() throws Exception {
        String name = TestRows.unique("Too Aliased");
        long before = executed.get();
        GraphQL.post(GraphQL.operation("createActor"), GraphQL.vars("input", actorWithAliases(name, 1001)), editor())
                .statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("input.aliases: at most 1000 aliases"));
        assertEquals(0, executed.get() - before, "statements run for a refused write");
        assertTrue(Database.column("select id from actor where name = ?", name).isEmpty());
    }

    @Test
    void anAliasGivenTwiceOrTakenRefusesTheWholeWrite() throws Exception {
        String name = TestRows.unique("Twice");
        Map<String, Object> twice = actorWithAliases(name, 3);
        twice.put("aliases", List.of(name + " one", name + " two", name.toUpperCase() + " ONE"));
        JsonPath body = GraphQL.as(editor(), "createActor", "input", twice);
        assertEquals(List.of("TAKEN"), body.getList("data.createActor.userErrors.code"));
        assertEquals(List.of("input", "aliases"), body.getList("data.createActor.userErrors[0].field"));
        Map<String, Object> taken = actorWithAliases(name, 3);
        taken.put("aliases", List.of(name + " three", "kim jong-un"));
        body = GraphQL.as(editor(), "createActor", "input", taken);
        assertEquals(List.of("TAKEN"), body.getList("data.createActor.userErrors.code"));
        assertTrue(Database.column("select id from actor where name = ?", name).isEmpty());
    }

    @Test
    void aStatementAboutMoreActorsThanTheMaximumIsRefusedBeforeAnyStatement() throws Exception {
        Map<String, Object> input = new HashMap<>();
        input.put("text", "Zz test: about too many");
        input.put("mode", "PARAPHRASE");
        input.put("kind", "CLAIM");
        input.put("speakerLabel", "someone");
        input.put("about", Collections.nCopies(101, Ids.bySlug("Actor", "russia")));
        input.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", "nishadil-2025-10-28"),
                "excerpt", "denied")));
        long before = executed.get();
        ValidatableResponse refused = GraphQL.post(GraphQL.operation("recordStatement"), GraphQL.vars("input", input),
                editor());
        refused.statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", containsString("input.about: at most 100 actors"));
        assertEquals(0, executed.get() - before, "statements run for a refused write");
    }

    @Test
    void aStatementAboutAHundredActorsKeepsTheirOrder() throws Exception {
        List<Object> ids = Database.column("select id from actor where deleted_at is null and slug not like 'zz-test-%'"
                + " order by id limit 100");
        List<String> about = new ArrayList<>();
        ids.forEach(id -> about.add(Ids.of("Actor", ((Number) id).longValue())));
        Map<String, Object> input = new HashMap<>();
        input.put("text", "Zz test: about a hundred " + System.nanoTime());
        input.put("mode", "PARAPHRASE");
        input.put("kind", "CLAIM");
        input.put("speakerLabel", "someone");
        input.put("about", about);
        input.put("attestations", List.of(Map.of("source", Ids.bySlug("Source", "nishadil-2025-10-28"),
                "excerpt", "denied")));
        JsonPath body = GraphQL.as(editor(), "recordStatement", "input", input);
        assertEquals(List.of(), body.getList("data.recordStatement.userErrors"));
        long id = Ids.dbId(body.getString("data.recordStatement.statement.id"));
        List<Object> stored = Database.column("select actor_id from statement_about where statement_id = ?"
                + " order by position", id);
        assertEquals(ids.stream().map(n -> ((Number) n).longValue()).toList(),
                stored.stream().map(n -> ((Number) n).longValue()).toList());
    }
}
