package org.parley.live;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.parley.errors.BadUserInputException;

/** The opaque cursor of a live event: the change_log id, as {@code base64url("change:<id>")}. */
final class LiveCursor {

    private static final String PREFIX = "change:";

    private LiveCursor() {
    }

    static String encode(long changeId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + changeId).getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #decode}, or null when no cursor is given. */
    static Long decodeGiven(String cursor) {
        return cursor == null ? null : decode(cursor);
    }

    /** The change id a cursor names; BAD_USER_INPUT when it is not a cursor of this feed. */
    static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                long id = Long.parseLong(text.substring(PREFIX.length()));
                if (id >= 0) {
                    return id;
                }
            }
        } catch (IllegalArgumentException notBase64OrNotANumber) {
            // refused below
        }
        throw new BadUserInputException("after: not a cursor of a live event");
    }
}
