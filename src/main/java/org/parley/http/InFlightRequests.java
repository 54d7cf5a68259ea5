package org.parley.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The GraphQL requests being executed, from their arrival until their execution ends (which, for a request answered
 * TIMEOUT, is after its answer: the write is still rolling back). Once the service is closing, new requests are
 * refused (503 SHUTTING_DOWN) and shutdown waits for those in flight, so that each one ends with its result and its
 * commit (or rollback) while the database pool and the security identity are still there.
 * <p>
 * Quarkus' own graceful shutdown waits for HTTP responses only, and only until its count first drops to zero: under
 * a steady load of reconnecting clients, requests kept arriving after "All HTTP requests complete" and ran into a
 * service being torn down (issue 12, item 4).
 */
final class InFlightRequests {

    private final AtomicInteger running = new AtomicInteger();
    private final Object idle = new Object();
    private volatile boolean closing;

    /** Counts a request in; false (and not counted) once the service is closing. */
    boolean enter() {
        running.incrementAndGet();
        if (closing) {
            exit();
            return false;
        }
        return true;
    }

    void exit() {
        if (running.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    int running() {
        return running.get();
    }

    boolean closing() {
        return closing;
    }

    /** From now on, new requests are refused. */
    void close() {
        closing = true;
    }

    /** Waits until no request is in flight, at most {@code limit}; true if none is. */
    boolean awaitIdle(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        synchronized (idle) {
            while (running.get() > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
        return true;
    }
}
