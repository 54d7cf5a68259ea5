package org.parley.write;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;

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

    /**
     * In the current write transaction, limits each statement from now on to the time left before the deadline (or
     * to {@code statementTimeoutMillis}, if shorter): PostgreSQL's statement timeout runs from each statement's
     * start, so it is set again before the statements that close a write (the audit insert, the commit's flush).
     * Nothing to do without a deadline; past it, the write fails with {@link PastDeadlineException}.
     */
    public static Uni<Void> limitStatements(long statementTimeoutMillis) {
        Optional<Long> deadline = current();
        if (deadline.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        long remaining = remainingMillis(deadline.get());
        if (remaining <= 0) {
            return Uni.createFrom().failure(new PastDeadlineException());
        }
        long limit = statementTimeoutMillis > 0 ? Math.min(remaining, statementTimeoutMillis) : remaining;
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select set_config('statement_timeout', :limit, true)", String.class)
                .setParameter("limit", Long.toString(limit))
                .getSingleResult())
                .replaceWithVoid();
    }
}
