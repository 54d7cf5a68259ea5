package org.parley.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import graphql.parser.Parser;

/** Which requests subscribers may share an execution of: subscriptions whose root fields take no cursor. */
class SharableSubscriptionTest {

    private static boolean sharable(String document, String operationName) {
        return GraphQLWebSockets.sharable(Parser.parse(document), operationName);
    }

    @Test
    void aSubscriptionWithoutCursorIsShared() {
        assertTrue(sharable("subscription { statementRecorded { cursor } }", null));
        assertTrue(sharable("subscription S($f: StatementRecordedFilter) { statementRecorded(filter: $f) { cursor } }",
                null));
        // a cursor further down (a page of a nested list) is the same for every subscriber
        assertTrue(sharable("subscription { encounterChanged { encounter { statements(after: \"x\") { totalCount } } } }",
                null));
    }

    @Test
    void aRootCursorGivenOrNotKeepsTheSubscriptionToItself() {
        assertFalse(sharable("subscription { changes(after: \"abc\") { cursor } }", null));
        assertFalse(sharable("subscription C($after: String) { changes(after: $after) { cursor } }", null));
        assertFalse(sharable("subscription { changes(after: null) { cursor } }", null));
    }

    @Test
    void otherShapesAreNotShared() {
        assertFalse(sharable("query { actors { totalCount } }", null));
        assertFalse(sharable("subscription A { changes { cursor } } subscription B { changes { cursor } }", null));
        assertTrue(sharable("subscription A { changes { cursor } } subscription B { changes(after: \"x\") { cursor } }",
                "A"));
        assertFalse(sharable("subscription A { changes { cursor } } subscription B { changes(after: \"x\") { cursor } }",
                "B"));
        // a fragment at the root could hide a cursor: not looked into, not shared
        assertFalse(sharable("subscription { ...F } fragment F on Subscription { changes { cursor } }", null));
        assertFalse(GraphQLWebSockets.sharable(null, null));
    }
}
