package org.parley.live;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.api.ErrorCode;

/** {@code after} names a change the audit trail no longer replays: the client must read afresh (resync). */
@RegisterForReflection
@ErrorCode(CursorExpiredException.CODE)
public class CursorExpiredException extends LiveStreamException {

    public static final String CODE = "CURSOR_EXPIRED";

    CursorExpiredException(String message) {
        super(message);
    }
}
