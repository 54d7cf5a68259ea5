package org.parley.testsupport;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of PostgreSQL that counts the statements clients execute, read from the wire protocol: one
 * per Execute ('E') message of the extended protocol and one per simple Query ('Q'). It counts what reaches the
 * database, whatever the code that sent it believes it sent.
 */
public final class PgWireCounter implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSSENC_REQUEST = 80877104;

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final AtomicLong executed = new AtomicLong();

    public PgWireCounter(String targetHost, int targetPort) throws IOException {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "pg-wire-counter");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The counter, shared with tests (a JDK type, so that it crosses Quarkus' class loaders). */
    public AtomicLong executed() {
        return executed;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                start(() -> countAndForward(client.getInputStream(), upstream.getOutputStream()), client, upstream);
                start(() -> forward(upstream.getInputStream(), client.getOutputStream()), client, upstream);
            } catch (IOException e) {
                // closed, or one connection failed: the client sees its connection fail
            }
        }
    }

    private interface Pump {
        void run() throws IOException;
    }

    private static void start(Pump pump, Socket a, Socket b) {
        Thread thread = new Thread(() -> {
            try {
                pump.run();
            } catch (IOException e) {
                // connection closed
            } finally {
                closeQuietly(a);
                closeQuietly(b);
            }
        }, "pg-wire-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void countAndForward(InputStream from, OutputStream to) throws IOException {
        DataInputStream in = new DataInputStream(from);
        // untyped start-up packets: an SSL or GSS request may come before the real start-up message
        int code;
        do {
            int length = in.readInt();
            byte[] body = in.readNBytes(length - 4);
            code = body.length >= 4 ? ((body[0] & 0xff) << 24 | (body[1] & 0xff) << 16 | (body[2] & 0xff) << 8 | (body[3] & 0xff)) : 0;
            writeInt(to, length);
            to.write(body);
            to.flush();
        } while (code == SSL_REQUEST || code == GSSENC_REQUEST);
        while (true) {
            int type = in.read();
            if (type < 0) {
                throw new EOFException();
            }
            int length = in.readInt();
            byte[] body = in.readNBytes(length - 4);
            if (type == 'E' || type == 'Q') {
                executed.incrementAndGet();
            }
            byte[] message = new byte[1 + length];
            message[0] = (byte) type;
            message[1] = (byte) (length >>> 24);
            message[2] = (byte) (length >>> 16);
            message[3] = (byte) (length >>> 8);
            message[4] = (byte) length;
            System.arraycopy(body, 0, message, 5, body.length);
            to.write(message);
            to.flush();
        }
    }

    private static void forward(InputStream from, OutputStream to) throws IOException {
        byte[] buffer = new byte[16384];
        int read;
        while ((read = from.read(buffer)) >= 0) {
            to.write(buffer, 0, read);
            to.flush();
        }
    }

    private static void writeInt(OutputStream out, int value) throws IOException {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
