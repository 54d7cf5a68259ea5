package org.parley.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.engine.GraphQLWebSockets.Sharing.LIVE;
import static org.parley.engine.GraphQLWebSockets.Sharing.NONE;
import static org.parley.engine.GraphQLWebSockets.Sharing.REPLAY;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

import graphql.parser.Parser;
import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * How subscribers of a request may share its execution: subscriptions whose root selections are fields; from now on,
 * or, when a root field is given a cursor, replaying from it.
 */
class SharableSubscriptionTest {

    private static GraphQLWebSockets.Sharing sharing(String document, String operationName, String variables) {
        JsonObject given = Json.createReader(new StringReader(variables)).readObject();
        return GraphQLWebSockets.sharing(Parser.parse(document), operationName, given);
    }

    private static GraphQLWebSockets.Sharing sharing(String document) {
        return sharing(document, null, "{}");
    }

    @Test
    void aSubscriptionWithoutCursorIsSharedFromNowOn() {
        assertEquals(LIVE, sharing("subscription { statementRecorded { cursor } }"));
        assertEquals(LIVE, sharing("subscription S($f: StatementRecordedFilter) { statementRecorded(filter: $f) { cursor } }",
                null, "{\"f\": {\"speaker\": \"x\"}}"));
        // a cursor further down (a page of a nested list) is the same for every subscriber
        assertEquals(LIVE, sharing("subscription { encounterChanged { encounter { statements(after: \"x\") { totalCount } } } }"));
    }

    @Test
    void aCursorGivenAsNullOrLeftOutIsNoCursor() {
        assertEquals(LIVE, sharing("subscription { changes(after: null) { cursor } }"));
        assertEquals(LIVE, sharing("subscription C($after: String) { changes(after: $after) { cursor } }"));
        assertEquals(LIVE, sharing("subscription C($after: String) { changes(after: $after) { cursor } }", null,
                "{\"after\": null}"));
    }

    @Test
    void aCursorGivenReplaysFromIt() {
        assertEquals(REPLAY, sharing("subscription { changes(after: \"abc\") { cursor } }"));
        assertEquals(REPLAY, sharing("subscription C($after: String) { changes(after: $after) { cursor } }", null,
                "{\"after\": \"abc\"}"));
    }

    @Test
    void otherShapesAreNotShared() {
        assertEquals(NONE, sharing("query { actors { totalCount } }"));
        assertEquals(NONE, sharing("subscription A { changes { cursor } } subscription B { changes { cursor } }"));
        assertEquals(LIVE, sharing("subscription A { changes { cursor } } subscription B { changes(after: \"x\") { cursor } }",
                "A", "{}"));
        assertEquals(REPLAY, sharing("subscription A { changes { cursor } } subscription B { changes(after: \"x\") { cursor } }",
                "B", "{}"));
        // a fragment at the root is not looked into
        assertEquals(NONE, sharing("subscription { ...F } fragment F on Subscription { changes { cursor } }"));
        assertEquals(NONE, GraphQLWebSockets.sharing(null, null, JsonObject.EMPTY_JSON_OBJECT));
    }
}
