package org.parley.database;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/**
 * Builds the reactive pool of the primary (Hibernate Reactive writes, and the reads unless a read replica serves them:
 * {@link ReadReplica}) with the limits that keep a slow or absent
 * database from hanging requests: Quarkus' own settings cover the pool size and idle connections, not these.
 * <ul>
 * <li>{@code parley.database.statement-timeout}: PostgreSQL's {@code statement_timeout} for every connection of the
 * pool, sent at connection start; a statement that runs longer (or waits longer for a lock) is cancelled by the
 * server (SQLSTATE 57014, code {@code TIMEOUT} for the client). {@code 0} turns it off.</li>
 * <li>PostgreSQL's JIT compilation is off for every connection of the pool (sent at connection start, as the
 * statement timeout): on the disagreements' page at scale 1 its compiling took half the statement's time.</li>
 * <li>{@code parley.database.plan-cache-mode}: PostgreSQL's {@code plan_cache_mode} for every connection of the
 * pool. Every read is a prepared statement; with PostgreSQL's {@code auto} a statement whose parameters are an array
 * of keys (all the batch reads) kept a plan of its own for each execution, as the array's length makes each look
 * cheaper than the generic plan, and planning took longer than running (docs/BENCHMARKS.md).</li>
 * <li>{@code parley.database.connect-timeout}: how long opening a connection may take (an unreachable host).</li>
 * <li>{@code parley.database.acquire-timeout}: how long a statement waits for a free connection of the pool; keep
 * it above the statement timeout, so that waiting requests get their turn when slow statements are cancelled.</li>
 * <li>{@code parley.database.max-wait-queue}: how many statements may wait for a connection; beyond that they fail at
 * once rather than pile up in memory.</li>
 * </ul>
 * Failures from these limits reach clients as {@code DATABASE_UNAVAILABLE} or {@code TIMEOUT}
 * ({@code org.parley.errors.DatabaseErrors}).
 */
@Singleton
public class DatabasePool implements PgPoolCreator {

    private final Duration statementTimeout;
    private final Duration connectTimeout;
    private final Duration acquireTimeout;
    private final int maxWaitQueue;
    private final String planCacheMode;
    /** The pool's connection settings, for the one connection of the change feed that is not pooled (LISTEN). */
    private volatile PgConnectOptions firstServer;

    DatabasePool(@ConfigProperty(name = "parley.database.statement-timeout") Duration statementTimeout,
            @ConfigProperty(name = "parley.database.connect-timeout") Duration connectTimeout,
            @ConfigProperty(name = "parley.database.acquire-timeout") Duration acquireTimeout,
            @ConfigProperty(name = "parley.database.max-wait-queue") int maxWaitQueue,
            @ConfigProperty(name = "parley.database.plan-cache-mode") String planCacheMode) {
        this.statementTimeout = statementTimeout;
        this.connectTimeout = connectTimeout;
        this.acquireTimeout = acquireTimeout;
        this.maxWaitQueue = maxWaitQueue;
        this.planCacheMode = planCacheMode;
    }

    @Override
    public Pool create(Input input) {
        PoolOptions pool = limit(input.poolOptions());
        for (PgConnectOptions connect : input.pgConnectOptionsList()) {
            limit(connect);
        }
        firstServer = new PgConnectOptions(input.pgConnectOptionsList().get(0));
        // the driver call Quarkus makes itself without a creator (a PgPool, which Quarkus expects)
        return PgDriver.INSTANCE.createPool(input.vertx(), input.pgConnectOptionsList(), pool);
    }

    /** {@code pool} with the wait for a free connection and the bounded wait queue (also the read replica's pool). */
    PoolOptions limit(PoolOptions pool) {
        return pool.setConnectionTimeout(Math.toIntExact(acquireTimeout.toMillis()))
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxWaitQueueSize(maxWaitQueue);
    }

    /**
     * The longest statement text the client keeps prepared on a connection. The driver's default (2,048 characters)
     * left every batch read that reads to-one relations ahead ({@code read.Lookahead}: 3,800 characters for the
     * statement page of bench Q5) unprepared: parsed and planned again at each request. The cache stays bounded by
     * its number of statements per connection (256 by default).
     */
    static final int PREPARED_SQL_LIMIT = 32_768;

    /**
     * {@code connect} with the connect timeout, keep-alive, statement timeout, no JIT, the plan cache mode and the
     * prepared-statement limit (also the read replica's).
     */
    PgConnectOptions limit(PgConnectOptions connect) {
        return connect.setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()))
                .setPreparedStatementCacheSqlLimit(PREPARED_SQL_LIMIT)
                // a connection whose server vanished without closing it is found by the keep-alive probes
                .setTcpKeepAlive(true)
                // PostgreSQL takes run-time parameters in the start-up message; the unit is milliseconds
                .addProperty("statement_timeout", Long.toString(statementTimeout.toMillis()))
                // PostgreSQL compiles a statement whose estimated cost passes jit_above_cost (100,000) to machine code
                // first: at scale 1 the disagreements' page spent 123 ms of its 233 compiling, for a run of 110
                // (docs/BENCHMARKS.md, Explorer). Parley's reads are short and many: no compiling
                .addProperty("jit", "off")
                .addProperty("plan_cache_mode", planCacheMode);
    }

    /** A copy of the settings the pool connects with (statement timeout included); the pool must exist. */
    public PgConnectOptions connectOptions() {
        if (firstServer == null) {
            throw new IllegalStateException("The reactive pool has not been created yet");
        }
        return new PgConnectOptions(firstServer);
    }
}
