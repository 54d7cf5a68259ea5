package org.parley.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;

import io.smallrye.mutiny.vertx.MultiHelper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;

/**
 * The body of a request as a blocking stream for a worker thread. The request is read as it is consumed: at most a
 * few chunks wait in memory, and the connection is paused while they do (Mutiny's demand drives Vert.x's fetch).
 */
final class RequestBodyStream extends InputStream {

    /** Chunks read ahead of the reader. */
    private static final int READ_AHEAD = 16;

    private final Iterator<Buffer> chunks;
    private byte[] chunk = new byte[0];
    private int position;
    private volatile boolean broken;

    /** Call on the request's event loop, before the body flows. */
    RequestBodyStream(HttpServerRequest request) {
        this.chunks = MultiHelper.toMulti(request).subscribe()
                .asIterable(READ_AHEAD, () -> new java.util.concurrent.ArrayBlockingQueue<>(READ_AHEAD)).iterator();
    }

    /** Whether the body failed before its end: the client closed the connection, or it broke. */
    boolean broken() {
        return broken;
    }

    /** Reads what is left of the body and throws it away; returns at the body's end, or when it breaks. */
    void discardRest() {
        try {
            transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the client is gone: nothing left to read
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        try {
            while (position == chunk.length) {
                if (!chunks.hasNext()) {
                    return -1;
                }
                chunk = chunks.next().getBytes();
                position = 0;
            }
        } catch (RuntimeException e) {
            broken = true;
            throw new IOException("The request body could not be read", e);
        }
        int count = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, into, offset, count);
        position += count;
        return count;
    }
}
