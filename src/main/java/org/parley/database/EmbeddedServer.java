package org.parley.database;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL per JVM, stopped when the JVM exits. Only dev mode and tests load this class: the library
 * is an optional dependency that the packaged application leaves out.
 */
final class EmbeddedServer {

    private static EmbeddedPostgres server;

    private EmbeddedServer() {
    }

    static synchronized int port() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setCleanDataDirectory(true).start();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data directory is temporary
                }
            }, "embedded-postgres-stop"));
        }
        return server.getPort();
    }
}
