package org.parley.write;

import java.util.Optional;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;

/**
 * Who a write is made for (the token's subject), captured when the write starts, while its request is certainly
 * alive: the audit entry, written last, uses it. Read again at the end, the identity could be anonymous by then
 * (during shutdown the audit insert failed its {@code change_log_subject_check}: issue 12, item 4).
 */
public final class WriteSubject {

    private static final String KEY = "parley.write-subject";

    private WriteSubject() {
    }

    static void capture(String subject) {
        if (VertxContext.isOnDuplicatedContext() && subject != null && !subject.isEmpty()) {
            ContextLocals.put(KEY, subject);
        }
    }

    /** The subject captured for the current write, if any. */
    public static Optional<String> current() {
        return VertxContext.isOnDuplicatedContext() ? ContextLocals.get(KEY) : Optional.empty();
    }
}
