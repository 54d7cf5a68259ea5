package org.parley.testsupport;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An import file (docs/IMPORT.md), made as it is read, for tests that break an import part-way: blocks of nine lines
 * whose keys all start with a prefix of the test's own, and which write to every table an import writes to. The same
 * prefix and size give the same file. It can stop after a number of blocks until {@link #release()}, so that a test
 * knows the import is still running (its body has not ended) when it cuts it.
 *
 * <p>
 * A block: a source; two people, each with an alias and a role (organization and country: the curated state
 * "russia"); a meeting between them with a status history; two statements said there, the second responding to the
 * first, each about Russia; an attestation of the meeting and of each statement by the source.
 */
public final class GeneratedImport {

    /** Lines of a block: every line creates one record (or attestation) on a first import. */
    public static final int LINES_PER_BLOCK = 9;
    /** Rows a block adds to each table, when imported. */
    private static final Map<String, Integer> ROWS_PER_BLOCK = rowsPerBlock();
    /** How long a paused file waits for its release at the most, so that a failing test cannot hang. */
    private static final Duration HANG_GUARD = Duration.ofMinutes(2);

    private final String prefix;
    private final int blocks;
    private final int pauseAfter;
    private final CountDownLatch released = new CountDownLatch(1);

    /** The whole file, without a pause. */
    public GeneratedImport(String prefix, int blocks) {
        this(prefix, blocks, -1);
    }

    /** The file, stopping after {@code pauseAfter} blocks until {@link #release()}. */
    public GeneratedImport(String prefix, int blocks, int pauseAfter) {
        if (!prefix.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("A key prefix of lower-case letters, digits and dashes: " + prefix);
        }
        this.prefix = prefix;
        this.blocks = blocks;
        this.pauseAfter = pauseAfter;
    }

    /** Lets a paused file go on to its end. */
    public void release() {
        released.countDown();
    }

    /** The lines of the file. */
    public int lines() {
        return blocks * LINES_PER_BLOCK;
    }

    /** The rows that importing the file into a database without its records adds to each table. */
    public Map<String, Long> rowsAdded() {
        Map<String, Long> rows = new LinkedHashMap<>();
        ROWS_PER_BLOCK.forEach((table, perBlock) -> rows.put(table, (long) perBlock * blocks));
        return rows;
    }

    /** The file, as it is read; once only. */
    public InputStream stream() {
        return new SequenceInputStream(new Enumeration<InputStream>() {
            private int block;

            @Override
            public boolean hasMoreElements() {
                return block < blocks;
            }

            @Override
            public InputStream nextElement() {
                if (block == pauseAfter) {
                    awaitRelease();
                }
                return new ByteArrayInputStream(block(block++).getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    private void awaitRelease() {
        try {
            if (!released.await(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The generated import was not released within " + HANG_GUARD);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while paused", e);
        }
    }

    private String block(int n) {
        String source = prefix + "-source-" + n;
        String meeting = prefix + "-meeting-" + n;
        String first = prefix + "-statement-" + n + "-0";
        String second = prefix + "-statement-" + n + "-1";
        String date = "2019-0" + (1 + n % 9) + "-1" + n % 10;
        return line("source", "key", source, "title", "Fault report " + n, "publisher", "Fault Wire", "url",
                "https://fault.example.org/" + prefix + "/" + n, "language", "en")
                + person(n, "a", source) + person(n, "b", source)
                + "{\"type\":\"encounter\",\"key\":\"" + meeting + "\",\"kind\":\"MEETING\",\"title\":\"Fault meeting "
                + n + "\",\"status\":\"HELD\",\"start\":\"" + date + "\",\"participants\":[{\"actor\":\""
                + person(n, "a") + "\",\"role\":\"HOST\"},{\"actor\":\"" + person(n, "b")
                + "\",\"role\":\"GUEST\"}],\"statusHistory\":[{\"status\":\"HELD\",\"effective\":\"" + date
                + "\",\"source\":\"" + source + "\"}]}\n"
                + statement(first, person(n, "a"), meeting, null) + statement(second, person(n, "b"), meeting, first)
                + line("attestation", "source", source, "encounter", meeting, "excerpt", "They met, says report " + n)
                + line("attestation", "source", source, "statement", first, "excerpt", "The first said so")
                + line("attestation", "source", source, "statement", second, "excerpt", "The second answered");
    }

    private String person(int n, String side) {
        return prefix + "-person-" + n + "-" + side;
    }

    private String person(int n, String side, String source) {
        String name = prefix.replace('-', ' ') + " person " + n + " " + side;
        return "{\"type\":\"actor\",\"key\":\"" + person(n, side) + "\",\"kind\":\"PERSON\",\"name\":\"" + name
                + "\",\"aliases\":[\"" + name + " envoy\"],\"country\":\"russia\",\"roles\":[{\"title\":\"Envoy\","
                + "\"organization\":\"russia\",\"start\":\"2019\",\"source\":\"" + source + "\"}]}\n";
    }

    private static String statement(String key, String speaker, String meeting, String respondsTo) {
        return "{\"type\":\"statement\",\"key\":\"" + key + "\",\"text\":\"Statement " + key
                + "\",\"mode\":\"PARAPHRASE\",\"kind\":\"CLAIM\",\"speaker\":\"" + speaker + "\",\"encounter\":\""
                + meeting + "\",\"about\":[\"russia\"],\"respondsTo\":"
                + (respondsTo == null ? "null" : "\"" + respondsTo + "\"") + "}\n";
    }

    /** A line of text fields (plain ASCII values: nothing to escape). */
    private static String line(String type, String... fields) {
        StringBuilder line = new StringBuilder("{\"type\":\"").append(type).append('"');
        for (int i = 0; i < fields.length; i += 2) {
            line.append(",\"").append(fields[i]).append("\":\"").append(fields[i + 1]).append('"');
        }
        return line.append("}\n").toString();
    }

    private static Map<String, Integer> rowsPerBlock() {
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("source", 1);
        rows.put("actor", 2);
        rows.put("actor_alias", 2);
        rows.put("actor_role", 2);
        rows.put("encounter", 1);
        rows.put("participant", 2);
        rows.put("encounter_status_change", 1);
        rows.put("statement", 2);
        rows.put("statement_about", 2);
        rows.put("attestation", 3);
        // one entry per record written: the source, two actors, the meeting and two statements
        rows.put("change_log", 6);
        return rows;
    }
}
