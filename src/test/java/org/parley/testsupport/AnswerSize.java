package org.parley.testsupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a query's cost must bound: the objects in its answer. Every JSON object under {@code data} is one object
 * that the server built (a connection, a node, a page info, a partial date), as {@code limits.QueryCost} counts them.
 */
public final class AnswerSize {

    private AnswerSize() {
    }

    /**
     * The objects in {@code data}, the data object itself not included, nor introspection ({@code __schema},
     * {@code __type}: free in the cost, bounded by graphql-java's own check).
     */
    public static long objects(JsonNode data) {
        long count = 0;
        for (var fields = data.fields(); fields.hasNext();) {
            var field = fields.next();
            if (!field.getKey().startsWith("__")) {
                count += size(field.getValue());
            }
        }
        return count;
    }

    private static long size(JsonNode value) {
        if (value.isObject()) {
            return 1 + objects(value);
        }
        long count = 0;
        for (JsonNode child : value) {
            count += size(child);
        }
        return count;
    }

    /**
     * Why the answer breaks the rule "cost is an upper bound of the answer's objects", or null when it holds (or
     * when the answer has no data or no cost).
     */
    public static String costBelowSize(JsonNode answer) {
        JsonNode data = answer.path("data");
        JsonNode requested = answer.path("extensions").path("cost").path("requested");
        if (!data.isObject() || !requested.isNumber()) {
            return null;
        }
        long objects = objects(data);
        return objects > requested.asLong()
                ? "cost " + requested.asLong() + " is below the " + objects + " objects of the answer"
                : null;
    }
}
