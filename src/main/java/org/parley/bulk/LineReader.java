package org.parley.bulk;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads the lines of a character stream one at a time, each up to a maximum length: a longer line is skipped to its
 * end and reported as too long, so that a file without line breaks cannot fill the memory.
 */
final class LineReader {

    /** One line: its number from 1, and its text (null when it was too long). */
    record Line(int number, String text) {
        boolean tooLong() {
            return text == null;
        }
    }

    private final Reader in;
    private final int maxLength;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private int number;
    private boolean atStart = true;

    LineReader(Reader in, int maxLength) {
        this.in = in;
        this.maxLength = maxLength;
    }

    /** The next line, without its line break; null at the end of the stream. */
    Line next() throws IOException {
        StringBuilder text = new StringBuilder();
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            char c = buffer[position++];
            if (c == '\n') {
                break;
            }
            if (tooLong) {
                continue;
            }
            if (text.length() == maxLength) {
                tooLong = true;
                text.setLength(0);
                continue;
            }
            text.append(c);
        }
        number++;
        if (tooLong) {
            return new Line(number, null);
        }
        int end = text.length();
        if (end > 0 && text.charAt(end - 1) == '\r') {
            text.setLength(end - 1);
        }
        return new Line(number, text.toString());
    }

    private boolean fill() throws IOException {
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        if (read < 0) {
            return false;
        }
        position = 0;
        limit = read;
        if (atStart) {
            atStart = false;
            if (buffer[0] == '\uFEFF') {
                position = 1; // a byte order mark is not part of the first line
            }
        }
        return true;
    }
}
