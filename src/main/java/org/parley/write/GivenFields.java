package org.parley.write;

import java.util.Map;
import java.util.Set;

import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;

/**
 * Which fields of a mutation's input object the request gave, explicit nulls included. SmallRye maps a field left
 * out and a field given as null both to a Java null; graphql-java's coerced argument keeps them apart (a field left
 * out has no key), which is what "absent keeps the value, null clears it" needs.
 */
public final class GivenFields {

    private final Set<String> names;

    private GivenFields(Set<String> names) {
        this.names = names;
    }

    /** The fields given in the input-object argument {@code argument} of the field being resolved. */
    public static GivenFields of(Context context, String argument) {
        Object value = context.unwrap(DataFetchingEnvironment.class).getArgument(argument);
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalStateException("argument " + argument + " is not an input object");
        }
        return new GivenFields(Set.copyOf(map.keySet().stream().map(String::valueOf).toList()));
    }

    /** Every field counts as given (a caller without a GraphQL request). */
    public static GivenFields of(Set<String> names) {
        return new GivenFields(Set.copyOf(names));
    }

    public boolean has(String field) {
        return names.contains(field);
    }

    /** True when the field was given with a value; a required field given as null is refused (INVALID). */
    public boolean set(String field, Object value) {
        if (!names.contains(field)) {
            return false;
        }
        if (value == null) {
            throw new UserErrorException(UserError.of(UserErrorCode.INVALID, "cannot be cleared: leave it out to keep"
                    + " the value", "input", field));
        }
        return true;
    }
}
