package org.parley;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Turns what a library prints to {@code System.err} into log records (logger {@value #LOGGER}, level WARN), so that in
 * production every line of output is JSON (the PostgreSQL driver printed raw lines during faults, issue 12).
 * Setting {@code parley.log.capture-stderr}: on in production, off in dev, tests and local, where the console is
 * read by people and the JVM's own errors are better seen as they are.
 */
@ApplicationScoped
public class StderrCapture {

    static final String LOGGER = "stderr";

    void capture(@Observes StartupEvent started,
            @ConfigProperty(name = "parley.log.capture-stderr", defaultValue = "true") boolean enabled) {
        if (enabled && !(System.err instanceof LoggingPrintStream)) {
            System.setErr(new LoggingPrintStream(Logger.getLogger(LOGGER), System.err));
        }
    }

    /** Lines written to it become log records; the previous stream gets what the logger itself writes there. */
    static final class LoggingPrintStream extends PrintStream {
        LoggingPrintStream(Logger logger, PrintStream previous) {
            super(new Lines(logger, previous), true, StandardCharsets.UTF_8);
        }
    }

    /** Collects bytes up to a line end, then logs the line. */
    static final class Lines extends OutputStream {
        /** A longer line is logged in pieces of this many bytes. */
        private static final int MAX_LINE = 16 * 1024;
        /** Set while this thread logs: a handler that writes to stderr must not come back here. */
        private static final ThreadLocal<Boolean> LOGGING = ThreadLocal.withInitial(() -> false);

        private final Logger logger;
        private final PrintStream previous;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Lines(Logger logger, PrintStream previous) {
            this.logger = logger;
            this.previous = previous;
        }

        @Override
        public synchronized void write(int b) {
            if (LOGGING.get()) {
                previous.write(b);
                return;
            }
            if (b == '\n') {
                emit();
            } else if (b != '\r') {
                line.write(b);
                if (line.size() >= MAX_LINE) {
                    emit();
                }
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        @Override
        public synchronized void flush() {
            // a line is logged when it ends; a partial line waits for its end
        }

        private void emit() {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (text.isBlank()) {
                return;
            }
            LOGGING.set(true);
            try {
                logger.warn(text);
            } finally {
                LOGGING.set(false);
            }
        }
    }
}
