package org.parley.actor;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.parley.testsupport.GraphQL.as;
import static org.parley.testsupport.GraphQL.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;
import org.parley.testsupport.DevTokens;
import org.parley.testsupport.Ids;
import org.parley.testsupport.TestRows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** createActor, updateActor, addAlias: success, each user error, and the audit trail. */
@QuarkusTest
class ActorMutationsTest {

    /** Everything these tests create is named so, and removed afterwards. */
    static final String PREFIX = "Zz Test ";

    static String editor() throws Exception {
        return DevTokens.mint("test-editor", 600, "editor");
    }

    static String unique(String what) {
        return PREFIX + what + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> newActor(String name) {
        Map<String, Object> input = new HashMap<>();
        input.put("kind", "PERSON");
        input.put("name", name);
        return input;
    }

    @AfterAll
    static void removeWhatTheTestsCreated() {
        TestRows.removeAll();
    }

    @Test
    void aNewActorIsRecordedWithTheLikelyNamesakesAlreadyThereAsAWarning() throws Exception {
        // the article spells him Sergei; the data set has Sergey Lavrov. The editor is told, nothing is refused.
        String name = PREFIX + "Sergei Lavrov";
        JsonPath created = as(editor(), "createActorWarned", "input", newActor(name));
        assertThat(created.getList("data.createActor.userErrors"), empty());
        String id = created.getString("data.createActor.actor.id");
        List<String> namesakes = created.getList("data.createActor.likelyNamesakes.actor.id");
        assertEquals(Ids.bySlug("Actor", "sergey-lavrov"), namesakes.get(0), created.prettify());
        assertThat(namesakes, not(hasItem(id))); // not itself
        List<Float> scores = created.getList("data.createActor.likelyNamesakes.score", Float.class);
        for (int i = 1; i < scores.size(); i++) {
            assertThat("best first", scores.get(i - 1) >= scores.get(i));
        }
        // a name like no other: no warning
        JsonPath unlike = as(editor(), "createActorWarned", "input", newActor(unique("Qwxz")));
        assertThat(unlike.getList("data.createActor.likelyNamesakes"), empty());
        // refused: no warning either
        Map<String, Object> stateless = newActor(PREFIX + "Sergei Lavrov " + UUID.randomUUID());
        stateless.put("country", Ids.of("Actor", 99999999));
        JsonPath refused = as(editor(), "createActorWarned", "input", stateless);
        assertEquals("NOT_FOUND", refused.getString("data.createActor.userErrors[0].code"), refused.prettify());
        assertThat(refused.getList("data.createActor.likelyNamesakes"), empty());
    }

    @Test
    void createsAnActorWithAliasesAndCountryThatReadsThenFind() throws Exception {
        String name = unique("Envoy");
        Map<String, Object> input = newActor(name);
        input.put("aliases", List.of(name.replace("Envoy", "Envoy-san")));
        input.put("country", Ids.bySlug("Actor", "north-korea"));
        input.put("description", "A test envoy");
        JsonPath body = as(editor(), "createActor", "input", input);
        assertThat(body.getList("data.createActor.userErrors"), empty());
        assertEquals(name, body.getString("data.createActor.actor.name"));
        assertEquals("North Korea", body.getString("data.createActor.actor.country.name"));
        assertEquals(0, body.getInt("data.createActor.actor.version"));
        // the alias resolves like any other
        assertEquals(name, data("actorByName", "name", name.replace("Envoy", "envoy san").toLowerCase())
                .getString("data.actor.name"));
        // and the write is audited with the token's subject
        String id = body.getString("data.createActor.actor.id");
        JsonPath changes = as(editor(), "changes", "first", 100);
        List<Map<String, Object>> entries = changes.getList("data.changes.nodes");
        Map<String, Object> entry = entries.stream()
                .filter(c -> c.get("node") != null && id.equals(((Map<?, ?>) c.get("node")).get("id")))
                .findFirst().orElseThrow();
        assertEquals("createActor", entry.get("operation"));
        assertEquals("test-editor", entry.get("subject"));
    }

    @Test
    void refusesInvalidInputWithUserErrorsAndWritesNothing() throws Exception {
        long before = Database.count("select count(*) from actor");
        Map<String, Object> blank = newActor("   ");
        assertError(blank, "INVALID", List.of("input", "name"));
        Map<String, Object> badWikidata = newActor(unique("Wiki"));
        badWikidata.put("wikidataId", "7747");
        assertError(badWikidata, "INVALID", List.of("input", "wikidataId"));
        Map<String, Object> unknownCountry = newActor(unique("Nowhere"));
        unknownCountry.put("country", Ids.of("Actor", 99999999));
        assertError(unknownCountry, "NOT_FOUND", List.of("input", "country"));
        Map<String, Object> notAState = newActor(unique("Stateless"));
        notAState.put("country", Ids.bySlug("Actor", "vladimir-putin"));
        assertError(notAState, "INVALID", List.of("input", "country"));
        Map<String, Object> takenWikidata = newActor(unique("Putin Twin"));
        takenWikidata.put("wikidataId", "Q7747");
        assertError(takenWikidata, "TAKEN", List.of("input", "wikidataId"));
        Map<String, Object> takenName = newActor("kim jong-un");
        assertError(takenName, "TAKEN", List.of("input", "name"));
        Map<String, Object> blankAlias = newActor(unique("Aliased"));
        blankAlias.put("aliases", List.of("Zz alias", " "));
        assertError(blankAlias, "INVALID", List.of("input", "aliases", "1")); // the row, not "<list element>"
        assertEquals(before, Database.count("select count(*) from actor"));
    }

    private static void assertError(Map<String, Object> input, String code, List<String> field) throws Exception {
        JsonPath body = as(editor(), "createActor", "input", input);
        assertNull(body.get("data.createActor.actor"));
        assertEquals(code, body.getString("data.createActor.userErrors[0].code"), body.prettify());
        assertEquals(field, body.getList("data.createActor.userErrors[0].field"));
    }

    @Test
    void updatesAtTheCurrentVersionAndRefusesAStaleOne() throws Exception {
        String id = as(editor(), "createActor", "input", newActor(unique("Minister")))
                .getString("data.createActor.actor.id");
        JsonPath first = as(editor(), "updateActor", "input", Map.of("id", id, "version", 0, "description", "first"));
        assertThat(first.getList("data.updateActor.userErrors"), empty());
        assertEquals(1, first.getInt("data.updateActor.actor.version"));
        JsonPath stale = as(editor(), "updateActor", "input", Map.of("id", id, "version", 0, "description", "stale"));
        assertEquals("CONFLICT", stale.getString("data.updateActor.userErrors[0].code"));
        assertNull(stale.get("data.updateActor.actor"));
        assertEquals("first", Database.column("select description from actor where id = ?",
                Long.parseLong(new String(java.util.Base64.getUrlDecoder().decode(id)).split(":")[1])).get(0));
        JsonPath unknown = as(editor(), "updateActor", "input", Map.of("id", Ids.of("Actor", 99999999), "version", 0));
        assertEquals("NOT_FOUND", unknown.getString("data.updateActor.userErrors[0].code"));
    }

    @Test
    void addsAnAliasOnceAndRefusesOneThatNamesAnotherActor() throws Exception {
        String name = unique("Spokesman");
        String id = as(editor(), "createActor", "input", newActor(name)).getString("data.createActor.actor.id");
        String alias = name.replace("Spokesman", "Press Secretary");
        JsonPath added = as(editor(), "addAlias", "input", Map.of("actor", id, "alias", alias));
        assertThat(added.getList("data.addAlias.actor.aliases"), contains(alias));
        assertEquals(1, added.getInt("data.addAlias.actor.version"));
        assertThat(as(editor(), "addAlias", "input", Map.of("actor", id, "alias", alias))
                .getList("data.addAlias.userErrors.code"), hasItem("TAKEN"));
        assertThat(as(editor(), "addAlias", "input", Map.of("actor", id, "alias", "Vladimir Putin"))
                .getList("data.addAlias.userErrors.code"), hasItem("TAKEN"));
        assertThat(data("actorByName", "name", alias).getString("data.actor.name"), equalTo(name));
    }

    @Test
    void anAbsentFieldIsKeptANullOneClearedARequiredOneRefusedAndANoOpWritesNothing() throws Exception {
        Map<String, Object> input = newActor(unique("Envoy"));
        input.put("wikidataId", "Q99999" + (int) (Math.random() * 1000));
        input.put("country", Ids.bySlug("Actor", "russia"));
        input.put("description", "An envoy whose Wikidata item turned out to be another person's");
        String id = as(editor(), "createActor", "input", input).getString("data.createActor.actor.id");
        String changes = "select count(*) from change_log where node_type = 'Actor' and node_id = ?";

        // the Wikidata item was someone else's: clear it; the description, left out, stays
        Map<String, Object> clear = new HashMap<>();
        clear.put("id", id);
        clear.put("version", 0);
        clear.put("wikidataId", null);
        JsonPath cleared = as(editor(), "updateActor", "input", clear);
        assertThat(cleared.getList("data.updateActor.userErrors"), empty());
        assertNull(cleared.get("data.updateActor.actor.wikidataId"));
        assertEquals("Russia", cleared.getString("data.updateActor.actor.country.name"));
        assertEquals(input.get("description"), cleared.getString("data.updateActor.actor.description"));
        assertEquals(1, cleared.getInt("data.updateActor.actor.version"));
        assertEquals(2, Database.count(changes, Ids.dbId(id)));

        // the same again, and the name as it is: no change, no new version, no change entry
        clear.put("version", 1);
        clear.put("name", input.get("name"));
        JsonPath same = as(editor(), "updateActor", "input", clear);
        assertThat(same.getList("data.updateActor.userErrors"), empty());
        assertEquals(1, same.getInt("data.updateActor.actor.version"));
        assertEquals(2, Database.count(changes, Ids.dbId(id)));

        // a name or kind cannot be cleared: refused, naming the field, nothing written
        for (String required : List.of("name", "kind")) {
            Map<String, Object> refuse = new HashMap<>();
            refuse.put("id", id);
            refuse.put("version", 1);
            refuse.put("description", null);
            refuse.put(required, null);
            JsonPath refused = as(editor(), "updateActor", "input", refuse);
            assertNull(refused.get("data.updateActor.actor"));
            assertEquals("INVALID", refused.getString("data.updateActor.userErrors[0].code"));
            assertEquals(List.of("input", required), refused.getList("data.updateActor.userErrors[0].field"));
        }
        assertEquals(1, TestRows.version("actor", id));

        // the description and the country cleared together
        Map<String, Object> both = new HashMap<>();
        both.put("id", id);
        both.put("version", 1);
        both.put("description", null);
        both.put("country", null);
        JsonPath bare = as(editor(), "updateActor", "input", both);
        assertNull(bare.get("data.updateActor.actor.description"));
        assertNull(bare.get("data.updateActor.actor.country"));
        assertEquals(2, bare.getInt("data.updateActor.actor.version"));
        assertEquals(3, Database.count(changes, Ids.dbId(id)));
    }
}
