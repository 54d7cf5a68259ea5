package org.parley.errors;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.api.ErrorCode;

/**
 * An argument the client can fix: reported as a GraphQL error with {@code extensions.code = BAD_USER_INPUT}.
 * Registered for reflection so that {@link ErrorCodes} can read the annotation in a native executable too.
 */
@RegisterForReflection
@ErrorCode("BAD_USER_INPUT")
public class BadUserInputException extends RuntimeException {

    public BadUserInputException(String message) {
        super(message, null, false, false);
    }
}
