package org.parley.write;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Ends every write transaction ({@code @WithTransaction}) by its request's deadline ({@link WriteDeadline}), so that a
 * write the client was told timed out holds no transaction and no lock afterwards. Bound to {@code @WithTransaction}
 * itself with a later priority than Quarkus' interceptor, so it runs inside the transaction that one opens:
 * <ul>
 * <li>first, {@code statement_timeout} for the rest of the transaction becomes the time left (or the configured
 * statement timeout, if shorter): a statement that waits for a lock past the deadline is cancelled by PostgreSQL;
 * {@code idle_in_transaction_session_timeout} becomes the time left plus a margin, so that even a transaction its
 * client forgot is ended by the server;</li>
 * <li>before the commit, the statement timeout is set again to the time left (PostgreSQL counts it from each
 * statement's start), and a write that finished after the deadline is rolled back rather than committed: its
 * client had its answer; {@code Audit} does the same before its insert; and a write whose request was answered at
 * its deadline meanwhile rolls back ({@link WriteDeadline#beginCommit}), while a write that began its commit before
 * that answer makes it {@code OUTCOME_UNKNOWN} instead of {@code TIMEOUT};</li>
 * <li>a write still unfinished at the deadline has its running statement cancelled ({@code pg_cancel_backend} from
 * another connection) and is rolled back, whatever it waits for.</li>
 * </ul>
 * Each refusal is {@link PastDeadlineException} (or PostgreSQL's cancellation): code {@code TIMEOUT}. It also captures
 * the request's subject for the audit entry ({@link WriteSubject}) as the write starts.
 */
@WithTransaction
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class WriteDeadlineInterceptor {

    /** Beyond the deadline, how long the server lets the transaction idle before it ends the session itself. */
    private static final long GRACE_MILLIS = 1000;

    private final long statementTimeoutMillis;
    private final CurrentIdentityAssociation identity;
    private final Pool pool;

    WriteDeadlineInterceptor(@ConfigProperty(name = "parley.database.statement-timeout") Duration statementTimeout,
            CurrentIdentityAssociation identity, Pool pool) {
        this.statementTimeoutMillis = statementTimeout.toMillis();
        this.identity = identity;
        this.pool = pool;
    }

    @AroundInvoke
    Object withinDeadline(InvocationContext context) throws Exception {
        if (!Uni.class.isAssignableFrom(context.getMethod().getReturnType())) {
            return context.proceed();
        }
        // the audit's subject, captured now that the request's identity is certainly there (see WriteSubject)
        Uni<Void> subject = identity.getDeferredIdentity()
                .invoke(current -> WriteSubject.capture(current.isAnonymous() ? null : current.getPrincipal().getName()))
                .replaceWithVoid();
        Optional<Long> deadline = WriteDeadline.current();
        if (deadline.isEmpty()) {
            return subject.chain(() -> proceed(context));
        }
        long remaining = WriteDeadline.remainingMillis(deadline.get());
        if (remaining <= 0) {
            return Uni.createFrom().failure(new PastDeadlineException());
        }
        long statement = statementTimeoutMillis > 0 ? Math.min(remaining, statementTimeoutMillis) : remaining;
        // the deadline's timer fires on another thread: the rollback must run on the request's context (the session's)
        Context requestContext = Vertx.currentContext();
        Executor onRequestContext = task -> requestContext.runOnContext(ignored -> task.run());
        return subject.chain(Panache::getSession)
                .chain(session -> session.createNativeQuery("select pg_backend_pid(),"
                        + " set_config('statement_timeout', :statement, true),"
                        + " set_config('idle_in_transaction_session_timeout', :idle, true)", Object[].class)
                        .setParameter("statement", Long.toString(statement))
                        .setParameter("idle", Long.toString(remaining + GRACE_MILLIS))
                        .getSingleResult())
                .chain(row -> proceed(context)
                        // the commit flushes pending changes: their statements get the time left, not more
                        .call(() -> WriteDeadline.limitStatements(statementTimeoutMillis))
                        // from here the COMMIT may be sent: the deadline's answer must not say TIMEOUT any more
                        .call(WriteDeadline::beginCommit)
                        // at the deadline, whatever the write waits for: its statement is cancelled (the statement
                        // timeout counts from the statement's start, which may be later), then it rolls back
                        .ifNoItem().after(Duration.ofMillis(Math.max(1, WriteDeadline.remainingMillis(deadline.get()))))
                        .recoverWithUni(() -> cancel(((Number) row[0]).intValue())
                                .chain(() -> Uni.createFrom().failure(new PastDeadlineException())))
                        .emitOn(onRequestContext));
    }

    /**
     * Cancels what the write's backend runs, from another connection. The write's own connection stays with its
     * session until the rollback that follows, so {@code pid} cannot be serving another transaction meanwhile.
     */
    private Uni<Void> cancel(int pid) {
        return pool.preparedQuery("select pg_cancel_backend($1)").execute(Tuple.of(pid))
                .onFailure().recoverWithNull() // the rollback and the idle timeout still end the transaction
                .replaceWithVoid();
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
