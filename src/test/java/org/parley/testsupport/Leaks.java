package org.parley.testsupport;

import java.util.List;
import java.util.Locale;

/** What a response must never show: Java internals, stack traces, SQL text or PostgreSQL's own messages. */
public final class Leaks {

    /** Lower-case fragments; a response is lower-cased before the search. */
    private static final List<String> MARKERS = List.of("org.", "exception", "at java.", "at io.", "select ",
            "insert into", "update actor", "syntax error at or near", "statement timeout", "canceling statement",
            "connection refused", "sqlstate", "pgexception", "hibernate", "vertx");

    private Leaks() {
    }

    /** The first marker found in {@code body}, or null. */
    public static String find(String body) {
        String lower = body.toLowerCase(Locale.ROOT);
        for (String marker : MARKERS) {
            if (lower.contains(marker)) {
                return marker;
            }
        }
        return null;
    }
}
