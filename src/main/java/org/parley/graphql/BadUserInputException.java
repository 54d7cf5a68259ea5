package org.parley.graphql;

import io.smallrye.graphql.api.ErrorCode;

/** An argument the client can fix: reported as a GraphQL error with {@code extensions.code = BAD_USER_INPUT}. */
@ErrorCode("BAD_USER_INPUT")
public class BadUserInputException extends RuntimeException {

    public BadUserInputException(String message) {
        super(message, null, false, false);
    }
}
