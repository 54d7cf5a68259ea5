package org.parley.engine;

import org.dataloader.DataLoaderRegistry;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.GraphQLUnionType;
import graphql.schema.SchemaTransformer;
import graphql.schema.TypeResolver;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;


/**
 * Executes every request against a copy of SmallRye's schema, made once, with these changes:
 * <ul>
 * <li>{@code Int} and {@code Float} coerce their inputs strictly ({@link StrictInt}, {@link StrictFloat}), under
 * the same names, so the served schema is
 * unchanged. Replacing a type rebuilds every type that refers to it, while SmallRye's type resolvers hand back the
 * object types it built (a static registry): each resolver's answer is swapped for the executing schema's type of
 * that name, or {@code ... on Actor} under {@code node(id:)} would match nothing (graphql-java compares the types
 * themselves).</li>
 * <li>the batched fields get {@link BatchFetchers.Lean} fetchers (a fast path, {@link FastPaths}), behind a
 * {@link ReadAheadFields.Fetcher} that answers what a read fetched with the parent (a to-one object read ahead, a
 * single object's list folded; in both modes: it is how the repositories read, not a shortcut past SmallRye);</li>
 * <li>the request dispatches only the data loaders its fields use ({@link UsedDataLoaders}; a fast path);</li>
 * <li>with the default field visibility, graphql-java's default visibility: SmallRye takes its default setting
 * ({@code quarkus.smallrye-graphql.field-visibility=default}) for a list of patterns and installs a
 * {@code BlockedFields} visibility that blocks nothing but builds a "Type.field" string for every field it is asked
 * about (see docs/BENCHMARKS.md). {@code no-introspection} and real patterns keep SmallRye's visibility; so does
 * {@link FastPaths} off.</li>
 * </ul>
 */
final class SchemaTuning extends SimplePerformantInstrumentation {

    private final boolean leanFetchers;
    private final boolean defaultVisibility;
    /** SmallRye's schema and the tuned copy made from it (with these flags), replaced together. */
    private record Tuned(GraphQLSchema original, boolean leanFetchers, boolean defaultVisibility, GraphQLSchema schema) {
    }

    /**
     * The tuned copy, shared by every tuning: when its first requests arrive together, SmallRye builds graphql-java
     * more than once, each build with a tuning of its own, from the same schema. Two copies made side by side mixed
     * each other's types (graphql-java's transformation replaces type references in place in elements it shares with
     * the original), and requests then met the other copy's types: every mutation taking an input type failed
     * validation ("Variable 'input' of type 'RecordEncounterInput!' used in position expecting type
     * 'RecordEncounterInput!'") until a restart (FirstRequestsTogetherTest). So the copy is made once, under a lock,
     * and all tunings execute against it.
     */
    private static volatile Tuned shared;
    private static final Object TUNING = new Object();

    /** Both flags are fast paths ({@link FastPaths}); the strict scalars are always installed. */
    SchemaTuning(boolean leanFetchers, boolean defaultVisibility) {
        this.leanFetchers = leanFetchers;
        this.defaultVisibility = defaultVisibility;
    }

    GraphQLSchema executing() {
        Tuned current = shared;
        return current == null ? null : current.schema();
    }

    @Override
    public GraphQLSchema instrumentSchema(GraphQLSchema schema, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        Tuned current = shared;
        if (isFor(current, schema)) {
            return current.schema();
        }
        synchronized (TUNING) {
            current = shared;
            if (!isFor(current, schema)) {
                current = new Tuned(schema, leanFetchers, defaultVisibility, tune(schema));
                shared = current;
            }
            return current.schema();
        }
    }

    private boolean isFor(Tuned tuned, GraphQLSchema schema) {
        return tuned != null && tuned.original() == schema && tuned.leanFetchers() == leanFetchers
                && tuned.defaultVisibility() == defaultVisibility;
    }

    private GraphQLSchema tune(GraphQLSchema schema) {
        GraphQLSchema strict = withStrictInt(schema);
        GraphQLCodeRegistry registry = ReadAheadFields.install(strict,
                leanFetchers ? BatchFetchers.lean(strict) : strict.getCodeRegistry());
        GraphQLCodeRegistry code = defaultVisibility
                ? registry.transform(builder -> builder.fieldVisibility(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY))
                : registry;
        return strict.transform(builder -> builder.codeRegistry(code));
    }

    /** With the lean fetchers (a fast path), dispatches only the data loaders the request uses. */
    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        DataLoaderRegistry registry = input.getDataLoaderRegistry();
        if (!leanFetchers || registry instanceof UsedDataLoaders || registry.getKeys().isEmpty()) {
            return input;
        }
        return input.transform(builder -> builder.dataLoaderRegistry(new UsedDataLoaders(registry)));
    }

    static GraphQLSchema withStrictInt(GraphQLSchema schema) {
        GraphQLSchema strict = SchemaTransformer.transformSchema(schema, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType type,
                    TraverserContext<GraphQLSchemaElement> context) {
                if (type.getName().equals(StrictInt.NAME) && !StrictInt.isStrict(type)) {
                    return changeNode(context, StrictInt.replacing(type));
                }
                if (type.getName().equals(StrictFloat.NAME) && !StrictFloat.isStrict(type)) {
                    return changeNode(context, StrictFloat.replacing(type));
                }
                return TraversalControl.CONTINUE;
            }
        });
        GraphQLCodeRegistry registry = strict.getCodeRegistry();
        GraphQLCodeRegistry rebound = registry.transform(builder -> {
            for (GraphQLNamedOutputType type : strict.getAllTypesAsList().stream()
                    .filter(t -> t instanceof GraphQLInterfaceType || t instanceof GraphQLUnionType)
                    .map(GraphQLNamedOutputType.class::cast).toList()) {
                TypeResolver resolver = type instanceof GraphQLInterfaceType i ? registry.getTypeResolver(i)
                        : registry.getTypeResolver((GraphQLUnionType) type);
                builder.typeResolver(type.getName(), inSchema(resolver));
            }
        });
        return strict.transform(builder -> builder.codeRegistry(rebound));
    }

    /** The resolver's answer, as the type of that name in the schema the request executes against. */
    private static TypeResolver inSchema(TypeResolver resolver) {
        return environment -> {
            GraphQLObjectType resolved = resolver.getType(environment);
            GraphQLObjectType current = resolved == null ? null : environment.getSchema().getObjectType(resolved.getName());
            return current == null ? resolved : current;
        };
    }
}
