package org.parley.database;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.parley.errors.DatabaseErrors;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.spi.PgDriver;
import io.vertx.sqlclient.PoolOptions;

/**
 * The optional read replica: a PostgreSQL streaming replica that serves the reads of GraphQL queries, while the
 * primary keeps the writes, the read-back of a mutation's payload, subscriptions, imports and exports (which of them
 * a request is: {@link ReadOnlyRequest}). Without {@code parley.read-replica.url} there is no second pool, and
 * {@code @Reads Pool} is the primary's own pool: nothing changes.
 * <p>
 * With a replica, its own pool ({@code parley.read-replica.max-size} connections, opened on demand, with the
 * primary's limits: {@link DatabasePool}) is checked every {@code parley.read-replica.check-interval} (one
 * {@code select}). With {@code parley.read-replica.fallback} on, a replica that cannot be reached sends the reads to
 * the primary: a read that fails for want of a connection to it (refused, lost, none free in time: code
 * {@code DATABASE_UNAVAILABLE}) is run again on the primary at once, and the reads after it go straight to the primary
 * until the check reaches the replica again. With it off, those reads fail, and readiness goes DOWN.
 * <p>
 * A replica applies the primary's changes a little later (replication lag, milliseconds on a healthy pair): a query
 * may not yet see a write committed a moment before on the primary. The writer itself does, in the mutation's
 * payload, which is read from the primary.
 */
@Singleton
public class ReadReplica {

    private static final Logger LOG = Logger.getLogger(ReadReplica.class);
    private static final String REACTIVE_PREFIX = "vertx-reactive:";

    private final boolean fallback;
    private final Duration checkInterval;
    private final Vertx vertx;
    /** Null without a replica. */
    private final Pool replica;
    private final String address;
    private final Pool reads;

    /** Whether the last check or read reached the replica (at first assumed: the first failure says otherwise). */
    private volatile boolean reachable = true;
    private final AtomicBoolean checking = new AtomicBoolean();
    private long timer = -1;

    ReadReplica(Pool primary, DatabasePool limits, Vertx vertx,
            @ConfigProperty(name = "parley.read-replica.url") Optional<String> url,
            @ConfigProperty(name = "parley.read-replica.username") Optional<String> username,
            @ConfigProperty(name = "parley.read-replica.password") Optional<String> password,
            @ConfigProperty(name = "parley.read-replica.max-size") int maxSize,
            @ConfigProperty(name = "parley.read-replica.fallback") boolean fallback,
            @ConfigProperty(name = "parley.read-replica.check-interval") Duration checkInterval,
            @ConfigProperty(name = "quarkus.datasource.reactive.idle-timeout") Optional<Duration> idleTimeout,
            @ConfigProperty(name = "quarkus.datasource.reactive.max-lifetime") Optional<Duration> maxLifetime) {
        this.fallback = fallback;
        this.checkInterval = checkInterval;
        this.vertx = vertx;
        Optional<String> given = url.map(String::strip).filter(value -> !value.isEmpty());
        if (given.isEmpty()) {
            replica = null;
            address = null;
            reads = primary;
            return;
        }
        // the primary's settings (user, password, TLS, statement timeout, connect timeout), on the replica's address;
        // they are known once the primary's pool exists, which asking for its delegate ensures
        primary.getDelegate();
        PgConnectOptions at = PgConnectOptions.fromUri(strip(given.get()));
        PgConnectOptions connect = limits.connectOptions().setHost(at.getHost()).setPort(at.getPort())
                .setDatabase(at.getDatabase());
        // the driver fills in a user ("user") and password of its own when the URL names none
        boolean credentialsInUrl = given.get().contains("@");
        username.or(() -> credentialsInUrl ? Optional.of(at.getUser()) : Optional.empty()).ifPresent(connect::setUser);
        password.or(() -> credentialsInUrl ? Optional.ofNullable(at.getPassword()) : Optional.empty())
                .ifPresent(connect::setPassword);
        PoolOptions pool = limits.limit(new PoolOptions().setMaxSize(maxSize).setName("parley-read-replica"));
        idleTimeout.ifPresent(idle -> pool.setIdleTimeout(Math.toIntExact(idle.toMillis()))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS));
        maxLifetime.ifPresent(lifetime -> pool.setMaxLifetime(Math.toIntExact(lifetime.toMillis()))
                .setMaxLifetimeUnit(TimeUnit.MILLISECONDS));
        replica = Pool.newInstance(PgDriver.INSTANCE.createPool(vertx, List.of(connect), pool));
        address = connect.getHost() + ":" + connect.getPort() + "/" + connect.getDatabase();
        reads = new RoutedPool(primary, replica, this);
    }

    private static String strip(String url) {
        return url.startsWith(REACTIVE_PREFIX) ? url.substring(REACTIVE_PREFIX.length()) : url;
    }

    /** The pool that reads go through. */
    @Produces
    @Singleton
    @Reads
    Pool reads() {
        return reads;
    }

    void start(@Observes StartupEvent event) {
        if (replica != null) {
            LOG.infof("Queries read from the replica at %s (fallback to the primary %s)", address,
                    fallback ? "on" : "off");
            checkNow();
            timer = vertx.setPeriodic(checkInterval.toMillis(), id -> checkNow());
        }
    }

    /** Runs a check unless one is still running (an unreachable host takes up to the connect timeout). */
    private void checkNow() {
        if (checking.compareAndSet(false, true)) {
            // the outcome is recorded by check() itself
            check().onTermination().invoke(() -> checking.set(false)).subscribe().with(standby -> {
            }, failure -> {
            });
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (replica != null) {
            vertx.cancelTimer(timer);
            replica.close().subscribe().with(ignored -> {
            }, failure -> {
            });
        }
    }

    /** Whether a replica is set. */
    boolean configured() {
        return replica != null;
    }

    String address() {
        return address;
    }

    boolean fallback() {
        return fallback;
    }

    /** Whether a read made now on the current context goes to the replica first. */
    boolean replicaFirst() {
        return ReadOnlyRequest.current() && (reachable || !fallback);
    }

    /**
     * The read on the replica; with fallback on, again on the primary if the replica could not be reached (the replica
     * is then left alone until a check reaches it).
     */
    <T> Uni<T> read(Uni<T> onReplica, Supplier<Uni<T>> onPrimary) {
        if (!fallback) {
            return onReplica;
        }
        return onReplica.onFailure(ReadReplica::unreachable).recoverWithUni(failure -> {
            markUnreachable(failure);
            return onPrimary.get();
        });
    }

    /** Asks the replica whether it is a standby: one statement on its pool; records whether it answered. */
    Uni<Boolean> check() {
        return replica.query("select pg_is_in_recovery() as standby").execute()
                .map(rows -> rows.iterator().next().getBoolean("standby"))
                .invoke(standby -> {
                    if (!reachable) {
                        LOG.infof("The read replica at %s answers again: queries read from it", address);
                    }
                    reachable = true;
                })
                .onFailure().invoke(this::markUnreachable);
    }

    private static boolean unreachable(Throwable failure) {
        return DatabaseErrors.UNAVAILABLE.equals(DatabaseErrors.codeOf(failure));
    }

    private void markUnreachable(Throwable failure) {
        if (reachable) {
            LOG.warnf("The read replica at %s cannot be reached (%s): %s", address, failure.toString(),
                    fallback ? "queries read from the primary until it answers" : "queries fail until it answers");
        }
        reachable = false;
    }
}
