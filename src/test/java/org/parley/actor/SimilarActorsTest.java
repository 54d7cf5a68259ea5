package org.parley.actor;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.parley.testsupport.GraphQL.any;
import static org.parley.testsupport.GraphQL.data;
import static org.parley.testsupport.GraphQL.operation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.Database;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** An editor looks actors up under the spelling the article uses (the curated data: Sergey Lavrov, Sergei Shoigu). */
@QuarkusTest
class SimilarActorsTest {

    @Test
    void actorByNameFindsTransliterationVariantsOfNamesAndAliases() {
        assertEquals("Sergey Lavrov", data("actorByName", "name", "Sergei Lavrov").getString("data.actor.name"));
        assertEquals("Sergei Shoigu", data("actorByName", "name", "Sergey Shoigu").getString("data.actor.name"));
        assertEquals("Sergei Shoigu", data("actorByName", "name", "Sergey Shoygu").getString("data.actor.name"));
        assertEquals("Dmitry Peskov", data("actorByName", "name", "Dmitri Peskov").getString("data.actor.name"));
        // the stored alias "Sergey V. Lavrov", spelled the other way
        assertEquals("Sergey Lavrov", data("actorByName", "name", "Sergei V. Lavrov").getString("data.actor.name"));
        // a different name is still no match
        assertNull(data("actorByName", "name", "Sergei Ryabkov").get("data.actor"));
    }

    @Test
    void similarActorsRanksByScoreBestFirst() {
        JsonPath lavrow = data("similarActors", "name", "Sergej Lavrow", "first", 5);
        List<Map<String, Object>> matches = lavrow.getList("data.similarActors");
        assertEquals("Sergey Lavrov", lavrow.getString("data.similarActors[0].actor.name"));
        assertThat(lavrow.getDouble("data.similarActors[0].score"), lessThan(1.0));
        assertThat(lavrow.getDouble("data.similarActors[0].score"), greaterThanOrEqualTo(0.3));
        for (int i = 1; i < matches.size(); i++) {
            assertThat(((Number) matches.get(i - 1).get("score")).doubleValue(),
                    greaterThanOrEqualTo(((Number) matches.get(i).get("score")).doubleValue()));
        }
        // a transliteration variant is the same key: score 1, with the name that matched
        JsonPath shoigu = data("similarActors", "name", "Sergey Shoygu");
        assertEquals("Sergei Shoigu", shoigu.getString("data.similarActors[0].actor.name"));
        assertEquals("Sergei Shoigu", shoigu.getString("data.similarActors[0].matchedName"));
        assertEquals(1.0, shoigu.getDouble("data.similarActors[0].score"));
        // an alias matches as well, and each actor comes once
        JsonPath alias = data("similarActors", "name", "Lavrov");
        assertEquals("Lavrov", alias.getString("data.similarActors[0].matchedName"));
        assertEquals(1, alias.getList("data.similarActors.actor.name").stream().filter("Sergey Lavrov"::equals).count());
    }

    @Test
    void theListIsBoundedAndCostedByItsBound() {
        JsonPath five = any(operation("similarActors"), "name", "Kim", "first", 5);
        assertNull(five.get("errors"));
        assertThat(five.getList("data.similarActors").size(), lessThan(6));
        // five matches, each with its actor
        assertEquals(10, five.getInt("extensions.cost.requested"));
        JsonPath tooMany = any(operation("similarActors"), "name", "Kim", "first", 21);
        assertEquals("BAD_USER_INPUT", tooMany.getString("errors[0].extensions.code"));
        assertThat(tooMany.getString("errors[0].message").length(), greaterThan(0));
        JsonPath blank = any(operation("similarActors"), "name", " - ");
        assertEquals("BAD_USER_INPUT", blank.getString("errors[0].extensions.code"));
    }

    @Test
    void theExtensionsAndTheTrigramIndexesExist() {
        assertEquals(2, Database.count("select count(*) from pg_extension where extname in ('pg_trgm', 'unaccent')"));
        assertEquals(2, Database.count("select count(*) from pg_indexes where indexname in"
                + " ('actor_name_key_trgm_idx', 'actor_alias_name_key_trgm_idx')"));
    }
}
