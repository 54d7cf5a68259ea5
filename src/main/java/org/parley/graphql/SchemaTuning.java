package org.parley.graphql;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;

/**
 * Executes every request against a copy of SmallRye's schema, made once, with two changes to its code registry:
 * <ul>
 * <li>the batched fields get {@link BatchFetchers.Lean} fetchers;</li>
 * <li>with the default field visibility, graphql-java's default visibility: SmallRye takes its default setting
 * ({@code quarkus.smallrye-graphql.field-visibility=default}) for a list of patterns and installs a
 * {@code BlockedFields} visibility that blocks nothing but builds a "Type.field" string for every field it is asked
 * about (5% of the garbage of the load benchmark's deep query). {@code no-introspection} and real patterns keep
 * SmallRye's visibility.</li>
 * </ul>
 */
final class SchemaTuning extends SimplePerformantInstrumentation {

    private final boolean defaultVisibility;
    private volatile GraphQLSchema original;
    private volatile GraphQLSchema tuned;

    SchemaTuning(boolean defaultVisibility) {
        this.defaultVisibility = defaultVisibility;
    }

    @Override
    public GraphQLSchema instrumentSchema(GraphQLSchema schema, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        if (schema != original) { // once: SmallRye builds the schema once
            GraphQLCodeRegistry registry = BatchFetchers.lean(schema);
            GraphQLCodeRegistry code = defaultVisibility
                    ? registry.transform(builder -> builder.fieldVisibility(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY))
                    : registry;
            tuned = schema.transform(builder -> builder.codeRegistry(code));
            original = schema;
        }
        return tuned;
    }
}
