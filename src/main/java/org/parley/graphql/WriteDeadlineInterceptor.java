package org.parley.graphql;

import java.time.Duration;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Ends every write transaction ({@code @WithTransaction}) by its request's deadline ({@link WriteDeadline}), so that a
 * write the client was told timed out holds no transaction and no lock afterwards. Bound to {@code @WithTransaction}
 * itself with a later priority than Quarkus' interceptor, so it runs inside the transaction that one opens:
 * <ul>
 * <li>first, {@code statement_timeout} for the rest of the transaction becomes the time left (or the configured
 * statement timeout, if shorter): a statement that waits for a lock past the deadline is cancelled by PostgreSQL;
 * {@code idle_in_transaction_session_timeout} becomes the time left plus a margin, so that even a transaction its
 * client forgot is ended by the server;</li>
 * <li>a write still unfinished a moment after the deadline fails, and is rolled back, whatever it waits for;</li>
 * <li>a write that finished after the deadline is rolled back rather than committed: its client had its answer.</li>
 * </ul>
 * Each refusal is {@link PastDeadlineException} (or PostgreSQL's cancellation): code {@code TIMEOUT}.
 */
@WithTransaction
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class WriteDeadlineInterceptor {

    /** After the deadline, how long a write may take to notice it (the SQL cancellation comes first). */
    private static final long GRACE_MILLIS = 1000;

    private final long statementTimeoutMillis;

    WriteDeadlineInterceptor(@ConfigProperty(name = "parley.database.statement-timeout") Duration statementTimeout) {
        this.statementTimeoutMillis = statementTimeout.toMillis();
    }

    @AroundInvoke
    Object withinDeadline(InvocationContext context) throws Exception {
        Optional<Long> deadline = WriteDeadline.current();
        if (deadline.isEmpty() || !Uni.class.isAssignableFrom(context.getMethod().getReturnType())) {
            return context.proceed();
        }
        long deadlineNanos = deadline.get();
        long remaining = WriteDeadline.remainingMillis(deadlineNanos);
        if (remaining <= 0) {
            return Uni.createFrom().failure(new PastDeadlineException());
        }
        long statement = statementTimeoutMillis > 0 ? Math.min(remaining, statementTimeoutMillis) : remaining;
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select set_config('statement_timeout', :statement, true),"
                        + " set_config('idle_in_transaction_session_timeout', :idle, true)", Object[].class)
                        .setParameter("statement", Long.toString(statement))
                        .setParameter("idle", Long.toString(remaining + GRACE_MILLIS))
                        .getSingleResult())
                .chain(() -> proceed(context))
                .ifNoItem().after(Duration.ofMillis(remaining + GRACE_MILLIS)).failWith(PastDeadlineException::new)
                .invoke(() -> {
                    if (WriteDeadline.remainingMillis(deadlineNanos) <= 0) {
                        throw new PastDeadlineException();
                    }
                });
    }

    @SuppressWarnings("unchecked")
    private static Uni<Object> proceed(InvocationContext context) {
        try {
            return (Uni<Object>) context.proceed();
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
    }
}
