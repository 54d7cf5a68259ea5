package org.parley.read;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import org.parley.errors.BadUserInputException;

/**
 * A validated {@code first}/{@code after} pair. Cursors are opaque to clients; inside they carry the position of an
 * item in the ordered list, so a page is the {@code first} items after that position.
 */
public record PageRequest(int first, int offset) {

    public static final int DEFAULT_FIRST = 20;
    public static final int MAX_FIRST = 100;
    /**
     * What a plain list field ({@code Encounter.participants}, {@code Source.statements}) returns without
     * {@code first}: as for a page, the bound is what makes the query cost an upper bound of the answer's size.
     */
    public static final int DEFAULT_LIST_FIRST = 50;
    /** The same, as the schema's default value of their {@code first} argument. */
    public static final String LIST_DEFAULT = "" + DEFAULT_LIST_FIRST;
    private static final String PREFIX = "cursor:";
    /**
     * The last position a cursor may name: its page, {@code first} items and one more to look ahead, ends within the
     * int range, so that no offset or limit wraps around on the way to PostgreSQL.
     */
    static final int MAX_CURSOR_INDEX = Integer.MAX_VALUE - MAX_FIRST - 2;
    private static final Pattern INDEX = Pattern.compile("[0-9]{1,10}");

    public static PageRequest of(Integer first, String after) {
        int size = first == null ? DEFAULT_FIRST : first;
        if (size < 0 || size > MAX_FIRST) {
            throw new BadUserInputException("first must be between 0 and " + MAX_FIRST + ", was " + size);
        }
        return new PageRequest(size, after == null ? 0 : decodeCursor(after) + 1);
    }

    /** The bound of a plain list field: its first {@code first} items, checked as a page size is. */
    public static PageRequest firstItems(Integer first) {
        return of(first == null ? DEFAULT_LIST_FIRST : first, null);
    }

    public static String cursor(int index) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + index).getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeCursor(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            // plain digits only ("+1", "1e3" and Unicode digits are not what this service writes)
            if (plain.startsWith(PREFIX) && INDEX.matcher(plain).region(PREFIX.length(), plain.length()).matches()) {
                long index = Long.parseLong(plain.substring(PREFIX.length()));
                if (index <= MAX_CURSOR_INDEX) {
                    return (int) index;
                }
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new BadUserInputException("after: not a valid cursor: "
                + (cursor.length() > 40 ? cursor.substring(0, 40) + "…" : cursor));
    }
}
