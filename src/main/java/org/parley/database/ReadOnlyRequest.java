package org.parley.database;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;

/**
 * Marks a request whose reads may be served by the read replica ({@link ReadReplica}): a GraphQL query over HTTP. The
 * mark is kept on the request's duplicated Vert.x context (as the write deadline is), so the reads of all its
 * resolvers see it. Everything unmarked reads from the primary: mutations (a writer reads its own write back),
 * subscriptions and their events, imports, exports and start-up work.
 */
public final class ReadOnlyRequest {

    private static final String KEY = "parley.read-only-request";

    private ReadOnlyRequest() {
    }

    /** Marks the request handled on the current context (nothing happens off a request's context). */
    public static void begin() {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(KEY, Boolean.TRUE);
        }
    }

    /** Whether the current context is that of a marked request. */
    static boolean current() {
        return VertxContext.isOnDuplicatedContext() && ContextLocals.<Boolean> get(KEY).orElse(Boolean.FALSE);
    }
}
