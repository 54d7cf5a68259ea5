package org.parley.write;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/** Bean Validation of mutation inputs, reported as user errors (code INVALID) under {@code input.<field>}. */
@ApplicationScoped
public class InputValidation {

    private final Validator validator;

    InputValidation(Validator validator) {
        this.validator = validator;
    }

    /** Throws {@link UserErrorException} listing every violated constraint of {@code input}. */
    public void check(Object input) {
        Set<ConstraintViolation<Object>> violations = validator.validate(input);
        if (violations.isEmpty()) {
            return;
        }
        List<UserError> errors = new ArrayList<>();
        violations.stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> {
                    List<String> field = new ArrayList<>();
                    field.add("input");
                    v.getPropertyPath().forEach(node -> {
                        if (node.getName() != null) {
                            field.add(node.getName());
                        }
                    });
                    errors.add(new UserError(field, v.getMessage(), UserErrorCode.INVALID));
                });
        throw new UserErrorException(errors);
    }
}
