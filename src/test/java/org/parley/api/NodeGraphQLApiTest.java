package org.parley.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.parley.testsupport.GraphQL.data;
import static org.parley.testsupport.GraphQL.operation;
import static org.parley.testsupport.GraphQL.post;
import static org.parley.testsupport.GraphQL.vars;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.Ids;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class NodeGraphQLApiTest {

    @Test
    void nodeResolvesEveryTypeByItsGlobalId() {
        Map<String, String> slugs = Map.of("Actor", "choe-son-hui", "Encounter", "six-party-talks",
                "Statement", "kim-full-unconditional-support", "Source", "nishadil-2025-10-28");
        slugs.forEach((type, slug) -> {
            String id = Ids.bySlug(type, slug);
            JsonPath body = data("node", "id", id);
            assertEquals(type, body.getString("data.node.__typename"));
            assertEquals(id, body.getString("data.node.id"));
        });
    }

    @Test
    void anUnknownIdGivesNullAndAMalformedOneAnError() {
        assertNull(data("node", "id", Ids.of("Encounter", 424242)).get("data.node"));
        post(operation("node"), vars("id", "bm90IGEgbm9kZQ")).statusCode(200)
                .body("errors[0].extensions.code", equalTo("BAD_USER_INPUT"))
                .body("data.node", nullValue());
    }
}
