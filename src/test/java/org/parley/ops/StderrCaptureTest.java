package org.parley.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.parley.StderrCaptureAccess;

/** What a library prints to stderr becomes one log record per line (JSON in production), nothing on the raw stream. */
class StderrCaptureTest {

    @Test
    void eachLineBecomesAWarnRecord() {
        String name = "parley-stderr-test";
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (PrintStream previous = new PrintStream(raw, true, StandardCharsets.UTF_8);
                PrintStream err = StderrCaptureAccess.stream(name, previous)) {
            err.print("FATAL: terminating connection\r\n");
            err.println("\tat org.postgresql.Driver");
            err.println();
            err.print("no line end yet");
            err.flush();

            assertEquals(List.of("FATAL: terminating connection", "\tat org.postgresql.Driver"),
                    records.stream().map(LogRecord::getMessage).toList());
            records.forEach(record -> assertEquals(Level.WARNING, record.getLevel()));
            err.println(", now");
            assertEquals("no line end yet, now", records.get(2).getMessage());
            assertEquals(0, raw.size(), "nothing reached the raw stream");
        } finally {
            logger.removeHandler(capture);
        }
    }
}
