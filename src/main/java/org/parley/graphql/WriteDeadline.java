package org.parley.graphql;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;

/**
 * The deadline of the request a write runs for, kept on the request's duplicated Vert.x context (where Hibernate
 * Reactive keeps its session too), so that {@link WriteDeadlineInterceptor} finds it whatever thread the security
 * check resumed on. The HTTP handler sets it when the request starts.
 */
public final class WriteDeadline {

    private static final String KEY = "parley.write-deadline";

    private WriteDeadline() {
    }

    /** Sets the deadline ({@link System#nanoTime()}) of the request handled on the current context. */
    public static void start(long deadlineNanos) {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(KEY, deadlineNanos);
        }
    }

    /** The current request's deadline, if it has one. */
    public static Optional<Long> current() {
        return VertxContext.isOnDuplicatedContext() ? ContextLocals.get(KEY) : Optional.empty();
    }

    /** Milliseconds left until {@code deadlineNanos}; zero or less once it has passed. */
    public static long remainingMillis(long deadlineNanos) {
        return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    }
}
