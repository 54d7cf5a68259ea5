package org.parley.live;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.parley.errors.BadUserInputException;

/**
 * The opaque cursor of a live event: the change_log entry's number in commit order, as
 * {@code base64url("commit:<commit_seq>")}. Cursors handed out before migration V26 named the entry's id,
 * {@code base64url("change:<id>")}; they are still accepted, and resume after that entry's number.
 */
final class LiveCursor {

    private static final String PREFIX = "commit:";
    private static final String ID_PREFIX = "change:";

    private LiveCursor() {
    }

    /** A decoded cursor: an entry's number in commit order, or (a cursor from before V26) an entry's id. */
    record Position(long value, boolean entryId) {
    }

    static String encode(long commitSeq) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + commitSeq).getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #decode}, or null when no cursor is given. */
    static Position decodeGiven(String cursor) {
        return cursor == null ? null : decode(cursor);
    }

    /** The place a cursor names; BAD_USER_INPUT when it is not a cursor of this feed. */
    static Position decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            boolean entryId = text.startsWith(ID_PREFIX);
            if (entryId || text.startsWith(PREFIX)) {
                long value = Long.parseLong(text.substring(entryId ? ID_PREFIX.length() : PREFIX.length()));
                if (value >= 0) {
                    return new Position(value, entryId);
                }
            }
        } catch (IllegalArgumentException notBase64OrNotANumber) {
            // refused below
        }
        throw new BadUserInputException("after: not a cursor of a live event");
    }
}
