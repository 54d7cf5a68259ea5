package org.parley.live;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A subscription's changes: those after its cursor from the audit trail, then the live ones, each once and in order.
 * The live listener is registered before the replay is read, so a change committed between the two is in one or
 * both (never in neither), and the numbers already passed on are skipped.
 */
@ApplicationScoped
class ChangeStreams {

    private final ChangeFeed feed;

    ChangeStreams(ChangeFeed feed) {
        this.feed = feed;
    }

    /**
     * The events of the changes after {@code after} (null: from now on). {@code toEvent} filters (null: not for this
     * subscription) and reads a change's object, one change at a time; {@code ended} makes the last event of a
     * stream that ends early.
     */
    <E> Multi<E> events(LiveCursor.Position after, Function<LiveChange, Uni<E>> toEvent,
            Function<LiveStreamException, E> ended) {
        return Multi.createFrom().deferred(() -> {
            ChangeFeed.Listener listener = feed.listen();
            // without a cursor: from the feed's position at registration, read at the first change (the feed may
            // only take its position once it reaches the database)
            // with a cursor: from the number it stands for, known once the replay is read (before any live change)
            AtomicLong passed = new AtomicLong(-1);
            Multi<LiveChange> replay = after == null ? Multi.createFrom().empty()
                    : feed.replay(after).onItem().transformToMulti(replayed -> {
                        passed.set(replayed.from());
                        return Multi.createFrom().iterable(replayed.changes());
                    });
            return Multi.createBy().concatenating().streams(replay, listener.changes())
                    .select().where(change -> {
                        if (passed.get() < 0) {
                            passed.set(listener.after());
                        }
                        if (change.seq() <= passed.get()) {
                            return false;
                        }
                        passed.set(change.seq());
                        return true;
                    })
                    .onItem().<E> transformToUniAndConcatenate(change -> toEvent.apply(change))
                    .onFailure(LiveStreamException.class)
                    .recoverWithItem(failure -> ended.apply((LiveStreamException) failure))
                    .onTermination().invoke(listener::close);
        });
    }
}
