package org.parley.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jboss.logging.Logger;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import graphql.ExecutionResult;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;

/**
 * Subscriptions executed once for all their subscribers on this replica. Subscribers who send the same request (the
 * same document, variables and operation) as the same reader (subject and roles) get the same events: the first one
 * starts the execution, the others join it, and every event is executed and serialized once, its payload then framed
 * for each subscriber's operation id. With a thousand subscribers following ten encounters, an event costs ten
 * executions per replica rather than a thousand (docs/BENCHMARKS.md, bench/subscriptions.sh).
 * <p>
 * A subscriber who joins a running stream receives the events from then on, as a new subscription without a cursor
 * would. A request with a cursor replays from it: its stream keeps what it sent, at most {@code maxHistory} events
 * and for {@link #JOIN_WINDOW}, and a subscriber who joins gets those first, exactly what an execution of its own
 * would have sent; after that, the next subscriber of the request starts a new stream. (After a replica stops, its
 * subscribers resume on the others with their last cursors, the same for all who followed the same request: they
 * share again.) The stream ends when its last subscriber leaves, and its end (complete, or the error that ended it)
 * reaches every subscriber.
 */
final class SharedSubscriptions {

    private static final Logger LOG = Logger.getLogger(SharedSubscriptions.class);
    private static final String INTERNAL_ERROR = "[{\"message\":\"Internal server error\","
            + "\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\",\"classification\":\"INTERNAL_SERVER_ERROR\"}}]";

    /** One subscriber's operation: where its frames go. Called from the stream's thread. */
    interface Follower {

        /** A {@code next} message with this payload (a serialized execution result). */
        void next(String payload);

        /** The stream ended: a {@code complete} message. */
        void complete();

        /** The request failed before streaming (validation, a refused cost): an {@code error} message. */
        void error(String errorsJson);
    }

    /** How long a stream that replays from a cursor takes new subscribers (it keeps what it sent until then). */
    static final Duration JOIN_WINDOW = Duration.ofSeconds(30);

    private final Map<String, Stream> shared = new ConcurrentHashMap<>();
    private final int maxHistory;
    private final AtomicInteger streaming = new AtomicInteger();
    private final AtomicInteger streams = new AtomicInteger();

    /** @param maxHistory the most events a stream that replays from a cursor keeps for subscribers who join it */
    SharedSubscriptions(int maxHistory) {
        this.maxHistory = maxHistory;
    }

    /** Subscribers whose stream is running (its events reach them). */
    int streamingSubscribers() {
        return streaming.get();
    }

    /** Executions running, shared or not. */
    int runningStreams() {
        return streams.get();
    }

    /**
     * Adds {@code follower} to the stream of {@code key}, or to a new one started by {@code start} (which executes the
     * request with the stream as its writer). A null key: a stream of its own.
     *
     * @param replays whether the request replays from a cursor (a subscriber who joins needs what was sent before)
     * @return the stream, to {@link Stream#leave} later
     */
    Stream join(String key, boolean replays, Follower follower, Consumer<ExecutionResponseWriter> start) {
        while (true) {
            boolean[] created = { false };
            Stream stream = key == null ? new Stream(null, false) : shared.computeIfAbsent(key, k -> {
                created[0] = true;
                return new Stream(k, replays);
            });
            if (key == null) {
                created[0] = true;
            }
            if (stream.add(follower)) {
                if (created[0]) {
                    streams.incrementAndGet();
                    start.accept(stream);
                }
                return stream;
            }
            // it ended or stopped taking subscribers meanwhile (and left the map): make or join the next one
        }
    }

    /** One execution and the subscribers it serves. */
    final class Stream implements ExecutionResponseWriter, Subscriber<ExecutionResult> {

        private final String key;
        private final List<Follower> followers = new CopyOnWriteArrayList<>();
        private final boolean replays;
        private final long started = System.nanoTime();
        /** What a stream that replays from a cursor sent, for subscribers who join it; null once it takes no more. */
        private List<String> history;
        private Subscription upstream;
        private boolean ended;

        private Stream(String key, boolean replays) {
            this.key = key;
            this.replays = replays;
            this.history = replays ? new ArrayList<>() : null;
        }

        private synchronized boolean add(Follower follower) {
            if (ended) {
                return false;
            }
            if (replays) {
                if (history == null || System.nanoTime() - started > JOIN_WINDOW.toNanos()) {
                    stopTaking();
                    return false;
                }
                // what it sent since the cursor, then the rest as it comes: in order, none twice (under the lock)
                history.forEach(follower::next);
            }
            followers.add(follower);
            if (upstream != null) {
                streaming.incrementAndGet();
            }
            return true;
        }

        /** The subscriber stops (complete from the client, or its socket closed): the last one ends the stream. */
        void leave(Follower follower) {
            Subscription cancel = null;
            synchronized (this) {
                if (!followers.remove(follower)) {
                    return;
                }
                if (upstream != null) {
                    streaming.decrementAndGet();
                }
                if (followers.isEmpty() && !ended) {
                    cancel = upstream;
                    end();
                }
            }
            if (cancel != null) {
                cancel.cancel();
            }
        }

        /** A stream that replays takes no more subscribers (a new one will): it forgets what it sent. Under the lock. */
        private void stopTaking() {
            history = null;
            if (key != null) {
                shared.remove(key, this);
            }
        }

        /** Marks the stream ended and takes it out of the shared ones; under the lock. */
        private void end() {
            ended = true;
            history = null;
            streams.decrementAndGet();
            if (upstream != null) {
                streaming.addAndGet(-followers.size());
            }
            if (key != null) {
                shared.remove(key, this);
            }
        }

        /** Ends the stream and tells each follower it had, with {@code tell}. */
        private void endWith(Consumer<Follower> tell) {
            List<Follower> told;
            synchronized (this) {
                if (ended) {
                    return;
                }
                end();
                told = List.copyOf(followers);
                followers.clear();
            }
            told.forEach(tell);
        }

        @Override
        public void write(ExecutionResponse response) {
            ExecutionResult result = response.getExecutionResult();
            if (result == null) {
                return;
            }
            Object data = result.isDataPresent() ? result.getData() : null;
            if (data instanceof Publisher<?> events) {
                @SuppressWarnings("unchecked")
                Publisher<ExecutionResult> stream = (Publisher<ExecutionResult>) events;
                stream.subscribe(this);
            } else if (data == null) {
                // refused before streaming: validation, cost, or the subscription field failed
                jakarta.json.JsonArray given = response.getExecutionResultAsJsonObject().getJsonArray("errors");
                String errors = given == null || given.isEmpty() ? INTERNAL_ERROR : given.toString();
                endWith(follower -> follower.error(errors));
            } else {
                // a single result (only subscriptions are admitted over WebSocket, but SmallRye allows it)
                String payload = response.getExecutionResultAsJsonObject().toString();
                endWith(follower -> {
                    follower.next(payload);
                    follower.complete();
                });
            }
        }

        @Override
        public void fail(Throwable failure) {
            LOG.warnf(failure, "A subscription's execution failed");
            endWith(follower -> follower.error(INTERNAL_ERROR));
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            boolean cancel;
            synchronized (this) {
                upstream = subscription;
                cancel = ended;
                if (!ended) {
                    streaming.addAndGet(followers.size());
                }
            }
            if (cancel) {
                subscription.cancel(); // every subscriber left while it started
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onNext(ExecutionResult event) {
            // serialized once, framed per subscriber
            String payload = new ExecutionResponse(event).getExecutionResultAsJsonObject().toString();
            if (replays) {
                synchronized (this) {
                    // kept for those who join, and sent, together: a subscriber joining now gets it once
                    if (history != null) {
                        if (history.size() < maxHistory) {
                            history.add(payload);
                        } else {
                            stopTaking();
                        }
                    }
                    followers.forEach(follower -> follower.next(payload));
                }
            } else {
                followers.forEach(follower -> follower.next(payload));
            }
            upstream.request(1);
        }

        @Override
        public void onError(Throwable failure) {
            LOG.warnf(failure, "A subscription's stream failed");
            endWith(follower -> follower.error(INTERNAL_ERROR));
        }

        @Override
        public void onComplete() {
            endWith(Follower::complete);
        }
    }
}
