package org.parley.actor;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.testsupport.GraphQL.data;
import static org.parley.testsupport.GraphQL.operation;
import static org.parley.testsupport.GraphQL.post;
import static org.parley.testsupport.GraphQL.vars;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.testsupport.Database;
import org.parley.testsupport.Ids;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ActorGraphQLApiTest {

    @ParameterizedTest
    @ValueSource(strings = { "Kim Jong Un", "Kim Jong-un", "kim jong-un", "KIM JONG UN", "kimjongun", " Kim  Jong Un " })
    void findsAnActorByNameOrAliasIgnoringCaseSpacesAndHyphens(String name) {
        JsonPath body = data("actorByName", "name", name);
        assertEquals("Kim Jong Un", body.getString("data.actor.name"));
        assertEquals("PERSON", body.getString("data.actor.kind"));
        assertThat(body.getList("data.actor.aliases"), hasItem("Kim Jong-un"));
        assertEquals("North Korea", body.getString("data.actor.country.name"));
        assertEquals(Ids.bySlug("Actor", "kim-jong-un"), body.getString("data.actor.id"));
    }

    @Test
    void ignoresAccentsInNames() {
        // no actor's name has an accent; the accent is in the question
        assertEquals("Xi Jinping", data("actorByName", "name", "Xí Jínping").getString("data.actor.name"));
    }

    @Test
    void everyAliasOfTheDataSetResolvesToItsActor() {
        List<Map<String, Object>> aliases = Database.rows(
                "select a.name, al.alias from actor_alias al join actor a on a.id = al.actor_id order by a.id, al.position");
        assertThat(aliases, not(empty()));
        for (Map<String, Object> alias : aliases) {
            assertEquals(alias.get("name"), data("actorByName", "name", alias.get("alias")).getString("data.actor.name"),
                    "alias " + alias.get("alias"));
        }
    }

    @Test
    void rolesCarryTheirOrganisationDatesAndSource() {
        JsonPath body = data("actorByName", "name", "Sergey Lavrov");
        List<Map<String, Object>> roles = body.getList("data.actor.roles");
        Map<String, Object> minister = roles.stream()
                .filter(r -> ((String) r.get("title")).contains("Foreign Minister")).findFirst().orElseThrow();
        assertEquals(Map.of("name", "Russia"), minister.get("organization"));
        assertEquals(Database.column("select r.start_date::text from actor_role r join actor a on a.id = r.actor_id"
                + " where a.slug = 'sergey-lavrov' and r.title like '%Foreign Minister%'").get(0),
                ((Map<?, ?>) minister.get("start")).get("date"));
    }

    @Test
    void findsAnActorById() {
        String id = Ids.bySlug("Actor", "vladimir-putin");
        assertEquals("Vladimir Putin", data("actorById", "id", id).getString("data.actor.name"));
    }

    @Test
    void anUnknownNameOrIdGivesNullAndNoError() {
        assertNull(data("actorByName", "name", "Nobody Atall").get("data.actor"));
        assertNull(data("actorById", "id", Ids.of("Actor", 987654321)).get("data.actor"));
    }

    @Test
    void anIdOfAnotherTypeOrAMalformedIdIsRejectedWithACode() {
        for (String id : List.of(Ids.bySlug("Encounter", "lavrov-meets-kim-2018"), "not-an-id", "QWN0b3I6LTE")) {
            post(operation("actorById"), vars("id", id)).statusCode(200)
                    .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                    .body("data.actor", nullValue());
        }
    }

    @Test
    void actorNeedsExactlyOneOfIdAndName() {
        post("{ actor { name } }", Map.of()).statusCode(200)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", is("Give exactly one of id and name"));
        post("query($id: ID) { actor(id: $id, name: \"Putin\") { name } }",
                vars("id", Ids.bySlug("Actor", "vladimir-putin"))).statusCode(200)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
    }

    @Test
    void listsActorsByNameAcrossPages() {
        List<String> expected = Database.column("select name from actor where deleted_at is null order by lower(name), id");
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        boolean hasNext;
        do {
            JsonPath body = data("actors", "first", 7, "after", after);
            assertEquals(expected.size(), body.getInt("data.actors.totalCount"));
            assertEquals(pages > 0, body.getBoolean("data.actors.pageInfo.hasPreviousPage"));
            assertEquals(body.getList("data.actors.nodes.name"), body.getList("data.actors.edges.node.name"));
            seen.addAll(body.getList("data.actors.nodes.name"));
            hasNext = body.getBoolean("data.actors.pageInfo.hasNextPage");
            after = body.getString("data.actors.pageInfo.endCursor");
            assertEquals(after, body.getString("data.actors.edges[-1].cursor"));
            pages++;
        } while (hasNext);
        assertEquals(expected, seen);
        assertEquals((expected.size() + 6) / 7, pages);
    }

    @Test
    void aPagePastTheEndIsEmptyButKeepsTheTotal() {
        JsonPath all = data("actors", "first", 100);
        String last = all.getString("data.actors.pageInfo.endCursor");
        JsonPath after = data("actors", "first", 5, "after", last);
        assertThat(after.getList("data.actors.nodes"), empty());
        assertEquals(all.getInt("data.actors.totalCount"), after.getInt("data.actors.totalCount"));
        assertFalse(after.getBoolean("data.actors.pageInfo.hasNextPage"));
        assertNull(after.get("data.actors.pageInfo.endCursor"));
    }

    @Test
    void filtersActorsByKind() {
        JsonPath body = data("actors", "filter", Map.of("kind", "STATE"), "first", 100);
        assertThat(body.getList("data.actors.nodes.name"),
                containsInAnyOrder(Database.column("select name from actor where kind = 'STATE'").toArray()));
        assertThat(body.getList("data.actors.edges.node.kind"), everyItem(is("STATE")));
    }

    @Test
    void searchesNamesAndAliasesBySubstring() {
        // "jong-un" is part of the alias "Kim Jong-un"; "lavr" part of a name
        assertThat(data("actors", "filter", Map.of("search", "jong-un")).getList("data.actors.nodes.name"),
                contains("Kim Jong Un"));
        assertThat(data("actors", "filter", Map.of("search", "LAVR", "kind", "PERSON")).getList("data.actors.nodes.name"),
                contains("Sergey Lavrov"));
        assertThat(data("actors", "filter", Map.of("search", "kim", "kind", "PERSON")).getList("data.actors.nodes.name"),
                hasSize((int) Database.count("select count(*) from actor where kind = 'PERSON' and name ilike '%kim%'")));
    }

    @Test
    void rejectsPageSizesOutsideZeroToHundredAndBadCursors() {
        post(operation("actors"), vars("first", 101)).statusCode(200)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("errors[0].message", is("first must be between 0 and 100, was 101"));
        post(operation("actors"), vars("first", -1)).statusCode(200)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        post(operation("actors"), vars("after", "garbage")).statusCode(200)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        post(operation("actors"), vars("filter", Map.of("search", "--"))).statusCode(200)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"));
        // the per-actor connections are batch resolvers: their check fails for the actor's field, with the same code
        post(operation("actorEncountersAndStatements"), vars("name", "Kim Jong Un", "after", "garbage")).statusCode(200)
                .body("errors.extensions.code", everyItem(equalTo("BAD_USER_INPUT")))
                .body("errors.message", everyItem(equalTo("after: not a valid cursor: garbage")))
                .body("errors.path", containsInAnyOrder(List.of("actor", "encounters"), List.of("actor", "statements")));
    }

    @Test
    void firstZeroCountsWithoutListing() {
        JsonPath body = data("actors", "first", 0);
        assertThat(body.getList("data.actors.nodes"), empty());
        assertEquals(Database.count("select count(*) from actor where deleted_at is null"), body.getLong("data.actors.totalCount"));
        assertTrue(body.getBoolean("data.actors.pageInfo.hasNextPage"));
    }
}
