package org.parley.write;

import java.util.List;

/**
 * Ends a write with user errors: thrown inside the transaction so that it rolls back, and turned into the payload's
 * {@code userErrors} by the API layer.
 */
public class UserErrorException extends RuntimeException {

    private final List<UserError> errors;

    public UserErrorException(List<UserError> errors) {
        super(errors.get(0).message, null, false, false);
        this.errors = List.copyOf(errors);
    }

    public UserErrorException(UserError error) {
        this(List.of(error));
    }

    public List<UserError> errors() {
        return errors;
    }
}
