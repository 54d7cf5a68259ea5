package org.parley.live;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.parley.database.DatabasePool;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * This replica's view of the writes committed on every replica. One connection LISTENs on {@code parley_changes}
 * (migration V26: a commit-time trigger numbers each writing transaction's change_log entries and notifies,
 * delivered by PostgreSQL at commit only); on each notification the feed reads the entries after the last number it
 * delivered, in number order, and hands them to every {@link Listener} in memory. Entries become visible in the order
 * of their numbers ({@code commit_seq}), so "after the last one" misses nothing. After a lost connection the
 * subscriber reconnects and the feed catches up the same way.
 */
@ApplicationScoped
public class ChangeFeed {

    static final String CHANNEL = "parley_changes";
    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);
    private static final int READ_BATCH = 1000;

    private final Pool pool;
    private final LiveReads reads;
    private final Vertx vertx;
    private final DatabasePool databasePool;
    private final int subscriberBuffer;
    private final int maxReplay;
    private final Duration replayWindow;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();

    /** No position yet: the feed has not reached the database since the start. */
    private static final long UNKNOWN = -1;

    /**
     * The highest number handed to the listeners (at first the newest one); guarded by {@code this} with the
     * fan-out.
     */
    private long delivered = UNKNOWN;
    private boolean reading;
    private boolean readAgain;
    private PgSubscriber subscriber;

    ChangeFeed(Pool pool, LiveReads reads, Vertx vertx, DatabasePool databasePool,
            @ConfigProperty(name = "parley.live.subscriber-buffer") int subscriberBuffer,
            @ConfigProperty(name = "parley.live.max-replay") int maxReplay,
            @ConfigProperty(name = "parley.live.replay-window") Duration replayWindow) {
        this.pool = pool;
        this.reads = reads;
        this.vertx = vertx;
        this.databasePool = databasePool;
        this.subscriberBuffer = subscriberBuffer;
        this.maxReplay = maxReplay;
        this.replayWindow = replayWindow;
    }

    /**
     * Starts listening without waiting: a replica starts (and reports its readiness) while the database is away,
     * and the feed takes its position, the newest number, once LISTEN is in place.
     */
    void start(@Observes StartupEvent event) {
        subscriber = PgSubscriber.subscriber(vertx, databasePool.connectOptions());
        // after a lost connection, reconnect every second; the subscribe handler catches up what was committed
        subscriber.reconnectPolicy(attempts -> 1000L);
        subscriber.channel(CHANNEL).subscribeHandler(ignored -> catchUp()).handler(payload -> catchUp());
        connect();
    }

    private void connect() {
        // LISTEN is in place once connected: take the position (the subscribe handler is not called for the
        // channels of the first connection)
        subscriber.connect().onSuccess(connected -> catchUp()).onFailure(failure -> {
            if (!subscriber.closed()) {
                LOG.warnf("Live updates cannot listen yet (%s); trying again in a second", failure.toString());
                vertx.setTimer(1000, retry -> connect());
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close();
        }
        listeners.forEach(Listener::end);
    }

    /** Registers a listener that receives every change delivered from now on (those after {@code after()}). */
    synchronized Listener listen() {
        Listener listener = new Listener(delivered, subscriberBuffer);
        listeners.add(listener);
        return listener;
    }

    /** What a cursor replays: the number it stands for, and the changes after it, in order. */
    record Replay(long from, List<LiveChange> changes) {
    }

    /**
     * The changes after {@code cursor} that the audit trail holds, in order: at most {@code parley.live.max-replay},
     * from an entry that is still retained and not older than {@code parley.live.replay-window}; otherwise
     * {@link CursorExpiredException}. A cursor from before migration V26 names an entry by its id: it resumes after
     * that entry's number.
     */
    Uni<Replay> replay(LiveCursor.Position cursor) {
        Uni<Long> from = cursor.value() == 0 ? Uni.createFrom().item(0L)
                : pool.preparedQuery("select commit_seq, at from change_log where "
                        + (cursor.entryId() ? "id" : "commit_seq") + " = $1 and commit_seq is not null")
                        .execute(Tuple.of(cursor.value()))
                        .map(rows -> rows.size() == 1
                                && rows.iterator().next().getOffsetDateTime("at")
                                        .isAfter(OffsetDateTime.now().minus(replayWindow))
                                                ? rows.iterator().next().getLong("commit_seq")
                                                : null);
        return from.chain(seq -> {
            if (seq == null) {
                return Uni.createFrom().failure(new CursorExpiredException(
                        "The cursor is older than the changes kept for replay: read the data again, then subscribe"
                                + " without a cursor"));
            }
            return pool.preparedQuery("select " + LiveChange.COLUMNS + " from change_log where commit_seq > $1"
                    + " order by commit_seq limit $2").execute(Tuple.of(seq, maxReplay + 1)).map(rows -> {
                        List<LiveChange> changes = new ArrayList<>(rows.size());
                        rows.forEach(row -> changes.add(LiveChange.from(row)));
                        if (changes.size() > maxReplay) {
                            throw new CursorExpiredException("More than " + maxReplay + " changes followed the cursor:"
                                    + " read the data again, then subscribe without a cursor");
                        }
                        reads.prefetch(changes);
                        return new Replay(seq, changes);
                    });
        });
    }

    /** Reads and fans out what was committed after {@link #delivered}; one read at a time, again if asked meanwhile. */
    private void catchUp() {
        long after;
        synchronized (this) {
            if (reading) {
                readAgain = true;
                return;
            }
            reading = true;
            readAgain = false;
            after = delivered;
        }
        if (after == UNKNOWN) {
            takePosition();
            return;
        }
        pool.preparedQuery("select " + LiveChange.COLUMNS + " from change_log where commit_seq > $1"
                + " order by commit_seq limit $2")
                .execute(Tuple.of(after, READ_BATCH))
                .subscribe().with(rows -> {
                    boolean more = rows.size() == READ_BATCH;
                    List<LiveChange> changes = new ArrayList<>(rows.size());
                    rows.forEach(row -> changes.add(LiveChange.from(row)));
                    if (!listeners.isEmpty()) {
                        reads.prefetch(changes);
                    }
                    synchronized (this) {
                        for (LiveChange change : changes) {
                            delivered = change.seq();
                            listeners.forEach(listener -> listener.offer(change));
                        }
                        reading = false;
                        more |= readAgain;
                    }
                    if (more) {
                        catchUp();
                    }
                }, this::readFailed);
    }

    /** The first read: the newest number is where live delivery starts; the listeners already there start from it. */
    private void takePosition() {
        pool.query("select coalesce(max(commit_seq), 0) as newest from change_log").execute().subscribe().with(rows -> {
            long newest = rows.iterator().next().getLong("newest");
            boolean again;
            synchronized (this) {
                delivered = newest;
                listeners.forEach(listener -> listener.startAt(newest));
                reading = false;
                again = readAgain;
            }
            if (again) {
                catchUp();
            }
        }, this::readFailed);
    }

    private void readFailed(Throwable failure) {
        LOG.warnf("Reading change_log for live updates failed (%s); trying again at the next notification",
                failure.toString());
        synchronized (this) {
            reading = false;
        }
    }

    /**
     * One subscription's queue of changes, bounded ({@code parley.live.subscriber-buffer}): a subscriber that falls
     * that far behind fails with {@link SlowConsumerException} instead of making the replica buffer without end.
     */
    final class Listener {

        private volatile long after;
        private final UnicastProcessor<LiveChange> queue;

        Listener(long after, int capacity) {
            this.after = after;
            this.queue = UnicastProcessor.create(new ArrayBlockingQueue<>(capacity), this::close);
        }

        /**
         * The last change delivered before this listener was registered; negative while the feed has no position
         * (it is set before the first change reaches the listener).
         */
        long after() {
            return after;
        }

        private void startAt(long position) {
            if (after == UNKNOWN) {
                after = position;
            }
        }

        Multi<LiveChange> changes() {
            return queue.onFailure(failure -> !(failure instanceof LiveStreamException))
                    .transform(overflow -> new SlowConsumerException("The subscriber fell " + subscriberBuffer
                            + " changes behind; subscribe again with the last cursor received"));
        }

        private void offer(LiveChange change) {
            queue.onNext(change);
        }

        private void end() {
            queue.onComplete();
        }

        void close() {
            listeners.remove(this);
        }
    }
}
