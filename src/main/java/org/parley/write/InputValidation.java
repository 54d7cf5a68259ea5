package org.parley.write;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Validator;

/**
 * Bean Validation of mutation inputs, reported as user errors (code INVALID) under {@code input.<field>}, a list's row
 * named by its index.
 */
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
                        // a list's row: its index from 0, before the row's field (["input", "attestations", "1",
                        // "excerpt"]); an element of a list of values is the row itself (["input", "aliases", "2"])
                        if (node.isInIterable() && node.getIndex() != null) {
                            field.add(String.valueOf(node.getIndex()));
                        }
                        if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                            field.add(node.getName());
                        }
                    });
                    errors.add(new UserError(field, v.getMessage(), UserErrorCode.INVALID));
                });
        throw new UserErrorException(errors);
    }
}
