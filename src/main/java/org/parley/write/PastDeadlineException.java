package org.parley.write;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.api.ErrorCode;

/** A write stopped, and rolled back, because its request ran past its deadline: code {@code TIMEOUT}. */
@RegisterForReflection
@ErrorCode("TIMEOUT")
public class PastDeadlineException extends RuntimeException {

    public PastDeadlineException() {
        super("The request ran past its deadline: the write was rolled back", null, false, false);
    }
}
