package org.parley.engine;

import java.util.Map;

import graphql.execution.CoercedVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Field;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;

/**
 * The arguments of a field below the one executing, coerced as graphql-java will hand them to that field's fetcher,
 * for {@link org.parley.read.Lookahead}'s folded lists. graphql-java's {@link ValuesResolver} is marked internal:
 * it is used here only, with the other code that leans on framework internals (rerun {@code FoldedListsTest} when
 * graphql-java is upgraded).
 */
final class FieldArgumentValues {

    private FieldArgumentValues() {
    }

    /** The arguments, or null if they do not coerce (the field's own execution reports it). */
    static Map<String, Object> of(DataFetchingEnvironment environment, GraphQLFieldDefinition definition, Field field) {
        try {
            return ValuesResolver.getArgumentValues(environment.getGraphQLSchema().getCodeRegistry(),
                    definition.getArguments(), field.getArguments(), CoercedVariables.of(environment.getVariables()),
                    environment.getGraphQlContext(), environment.getLocale());
        } catch (RuntimeException refused) {
            return null;
        }
    }
}
