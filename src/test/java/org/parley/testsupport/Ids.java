package org.parley.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Global IDs for expected answers, computed independently of the application's encoder. */
public final class Ids {

    private Ids() {
    }

    public static String of(String type, long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((type + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The global ID of the row with this slug in the table of this type. */
    public static String bySlug(String type, String slug) {
        long id = ((Number) Database.column("select id from " + type.toLowerCase() + " where slug = ?", slug).get(0))
                .longValue();
        return of(type, id);
    }

    /** The database id inside a global ID. */
    public static long dbId(String globalId) {
        String plain = new String(Base64.getUrlDecoder().decode(globalId), StandardCharsets.UTF_8);
        return Long.parseLong(plain.substring(plain.indexOf(':') + 1));
    }
}
