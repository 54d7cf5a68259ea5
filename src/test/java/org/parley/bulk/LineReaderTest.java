package org.parley.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

/** Lines of a stream, each within a length (no Quarkus, no database). */
class LineReaderTest {

    @Test
    void readsLinesWithTheirNumbersWhateverTheLineBreaks() throws IOException {
        LineReader reader = new LineReader(new StringReader("\uFEFFone\r\ntwo\n\nthree"), 10);
        assertEquals(new LineReader.Line(1, "one"), reader.next());
        assertEquals(new LineReader.Line(2, "two"), reader.next());
        assertEquals(new LineReader.Line(3, ""), reader.next());
        assertEquals(new LineReader.Line(4, "three"), reader.next());
        assertNull(reader.next());
    }

    @Test
    void aLineLongerThanTheLimitIsSkippedAndSaidToBeTooLong() throws IOException {
        String longLine = "x".repeat(50_000);
        LineReader reader = new LineReader(new StringReader("short\n" + longLine + "\nafter\n"), 1000);
        assertEquals("short", reader.next().text());
        LineReader.Line skipped = reader.next();
        assertTrue(skipped.tooLong());
        assertEquals(2, skipped.number());
        assertEquals(new LineReader.Line(3, "after"), reader.next());
        assertNull(reader.next());
    }
}
