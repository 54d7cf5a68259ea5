package org.parley.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * A response body written from a worker thread, in chunks, waiting whenever the client reads slower than the
 * response is produced: at most one chunk is held here and Vert.x's write queue holds the rest up to its limit.
 * Writing fails with {@link Aborted} once the client is gone or the deadline has passed, so that a client that
 * stops reading cannot keep the writer (and what it holds: a database connection) beyond the deadline.
 */
final class ResponseStream extends OutputStream {

    private static final int CHUNK = 64 * 1024;

    /** The download ended before its end: the client went away, or it ran past its deadline. */
    static final class Aborted extends IOException {
        Aborted(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // an expected end, logged in a line: no stack to fill
        }
    }

    private final HttpServerResponse response;
    private final Context context;
    private final long deadlineNanos;
    private final byte[] buffer = new byte[CHUNK];
    private int size;
    private boolean sent;

    /**
     * {@code context}: the request's Vert.x context, where the response is written; {@code deadlineNanos}: the
     * {@link System#nanoTime()} after which writing fails.
     */
    ResponseStream(HttpServerResponse response, Context context, long deadlineNanos) {
        this.response = response;
        this.context = context;
        this.deadlineNanos = deadlineNanos;
    }

    /** True once a chunk went out: the status can no longer change. */
    boolean sent() {
        return sent;
    }

    @Override
    public void write(int b) throws IOException {
        if (size == CHUNK) {
            flush();
        }
        buffer[size++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (size == CHUNK) {
                flush();
            }
            int count = Math.min(length, CHUNK - size);
            System.arraycopy(bytes, offset, buffer, size, count);
            size += count;
            offset += count;
            length -= count;
        }
    }

    @Override
    public void flush() throws IOException {
        if (size == 0) {
            return;
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            throw pastDeadline();
        }
        Buffer chunk = Buffer.buffer(size).appendBytes(buffer, 0, size);
        size = 0;
        sent = true;
        CompletableFuture<Void> accepted = new CompletableFuture<>();
        context.runOnContext(ignored -> {
            if (response.closed()) {
                accepted.completeExceptionally(clientGone());
                return;
            }
            response.write(chunk);
            if (response.writeQueueFull()) {
                response.drainHandler(drained -> accepted.complete(null));
            } else {
                accepted.complete(null);
            }
        });
        await(accepted);
    }

    /** Sends what is left and ends the response. */
    void end() throws IOException {
        flush();
        context.runOnContext(ignored -> response.end());
    }

    private void await(CompletableFuture<Void> accepted) throws IOException {
        while (true) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw pastDeadline();
            }
            try {
                // a second at most, to notice a closed connection whose drain handler will never be called
                accepted.get(Math.min(left, TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
                return;
            } catch (TimeoutException e) {
                if (response.closed()) {
                    throw clientGone();
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Aborted aborted) {
                    throw aborted;
                }
                throw new IOException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }

    private static Aborted clientGone() {
        return new Aborted("the client closed the connection");
    }

    private static Aborted pastDeadline() {
        return new Aborted("the client read too slowly: the download ran past its deadline");
    }
}
