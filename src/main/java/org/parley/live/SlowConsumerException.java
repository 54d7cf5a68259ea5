package org.parley.live;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.api.ErrorCode;

/** The subscriber did not keep up with its bounded buffer; it may subscribe again with its last cursor. */
@RegisterForReflection
@ErrorCode(SlowConsumerException.CODE)
public class SlowConsumerException extends LiveStreamException {

    public static final String CODE = "SLOW_CONSUMER";

    SlowConsumerException(String message) {
        super(message);
    }
}
