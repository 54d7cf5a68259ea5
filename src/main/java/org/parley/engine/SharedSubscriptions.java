package org.parley.engine;

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
 * A request that cannot be shared (a root field with a cursor: each subscriber replays from its own position) gets a
 * stream of its own. A subscriber who joins a running stream receives the events from then on, as a new subscription
 * without a cursor would. The stream ends when its last subscriber leaves, and its end (complete, or the error that
 * ended it) reaches every subscriber.
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

    private final Map<String, Stream> shared = new ConcurrentHashMap<>();
    private final AtomicInteger streaming = new AtomicInteger();
    private final AtomicInteger streams = new AtomicInteger();

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
     * @return the stream, to {@link Stream#leave} later
     */
    Stream join(String key, Follower follower, Consumer<ExecutionResponseWriter> start) {
        while (true) {
            boolean[] created = { false };
            Stream stream = key == null ? new Stream(null) : shared.computeIfAbsent(key, k -> {
                created[0] = true;
                return new Stream(k);
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
            // it ended meanwhile (and left the map): make or join the next one
        }
    }

    /** One execution and the subscribers it serves. */
    final class Stream implements ExecutionResponseWriter, Subscriber<ExecutionResult> {

        private final String key;
        private final List<Follower> followers = new CopyOnWriteArrayList<>();
        private Subscription upstream;
        private boolean ended;

        private Stream(String key) {
            this.key = key;
        }

        private synchronized boolean add(Follower follower) {
            if (ended) {
                return false;
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

        /** Marks the stream ended and takes it out of the shared ones; under the lock. */
        private void end() {
            ended = true;
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
            for (Follower follower : followers) {
                follower.next(payload);
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
