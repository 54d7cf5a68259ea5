package org.parley.write;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
    private static final String WRITES = "parley.write-commits";

    /** Code of a deadline's answer when a write of the request may have committed: its client cannot know. */
    public static final String OUTCOME_UNKNOWN = "OUTCOME_UNKNOWN";

    private WriteDeadline() {
    }

    /**
     * Sets the deadline ({@link System#nanoTime()}) of the request handled on the current context; the request's
     * {@link Commits} tell, at the deadline, whether one of its writes may have committed.
     */
    public static Commits start(long deadlineNanos) {
        Commits commits = new Commits();
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(KEY, deadlineNanos);
            ContextLocals.put(WRITES, commits);
        }
        return commits;
    }

    /**
     * Called as a write hands its transaction to the commit: fails with {@link PastDeadlineException} (the write
     * rolls back) once the request has been answered at its deadline, so no write commits after a TIMEOUT answer.
     */
    public static Uni<Void> beginCommit() {
        Optional<Commits> commits = commits();
        return commits.isEmpty() || commits.get().begin() ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new PastDeadlineException());
    }

    /** The current request's {@link Commits}, if it has a deadline (for a write that commits off its context). */
    public static Optional<Commits> commits() {
        return VertxContext.isOnDuplicatedContext() ? ContextLocals.get(WRITES) : Optional.empty();
    }

    /**
     * Whether a request's writes have begun to commit, decided once with its deadline: a COMMIT sent before the
     * deadline's answer may complete after it, and then only the database knows whether it did.
     */
    public static final class Commits {

        private static final int NONE = 0;
        private static final int BEGUN = 1;
        private static final int TIMED_OUT = 2;

        private final AtomicInteger state = new AtomicInteger(NONE);

        /**
         * At the deadline: true when no write of the request has begun to commit (those still running roll back,
         * and none will begin now: TIMEOUT is the truth); false when one has, and may have committed.
         */
        public boolean timeOut() {
            return state.compareAndSet(NONE, TIMED_OUT) || state.get() == TIMED_OUT;
        }

        /**
         * As a write of the request sends its commit: false once the request was answered at its deadline (the
         * write must roll back instead).
         */
        public boolean begin() {
            return state.compareAndSet(NONE, BEGUN) || state.get() == BEGUN;
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
