package org.parley.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.dataloader.BatchLoaderEnvironment;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.Arc;
import io.quarkus.smallrye.graphql.runtime.spi.datafetcher.QuarkusDataFetcherService;
import io.smallrye.graphql.execution.datafetcher.BatchDataFetcher;
import io.smallrye.graphql.execution.datafetcher.PlugableBatchableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.ArgumentHelper;
import io.smallrye.graphql.execution.datafetcher.helper.BatchLoaderHelper;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.OperationType;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.DataFetcherService;
import io.smallrye.graphql.spi.config.Config;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;

/**
 * Parley's batched fields ({@code @Source List<Parent>}), in two parts that replace pieces of SmallRye's batching.
 * <ul>
 * <li>{@link Grouping}, the batch loader: SmallRye puts every occurrence of a batched field at one level into one
 * batch and calls the resolver with the arguments of the first. In
 * {@code { a: actor(id: 1) { encounters(first: 1) { ... } } b: actor(id: 2) { encounters(first: 5) { ... } } }} the
 * second actor got one encounter. The loader splits the batch by argument values and calls the resolver once per
 * group: one SQL statement per field, level and distinct set of arguments, whatever the number of parents.</li>
 * <li>{@link Lean}, the field's fetcher, called once per parent object: it hands the parent and its arguments to the
 * batch loader and nothing else. SmallRye's own fetcher also builds a request context for each parent (computing
 * the selected sub-fields and the path as text), times it, and wraps its future for context propagation: for the
 * hundreds of parents of a deep query, a large share of the garbage and CPU (docs/BENCHMARKS.md). The resolvers do not read that context (they get their arguments as parameters); the batch loader builds it
 * once per batch.</li>
 * </ul>
 * Registered through {@code META-INF/services/io.smallrye.graphql.spi.DataFetcherService}, ahead of Quarkus' own
 * service, whose fetcher runs the resolver for each group; {@link SchemaTuning} installs the lean fetchers.
 */
public class BatchFetchers implements DataFetcherService {

    /** The batched operations by their loader's name ({@code Type_field}), as SmallRye announces them. */
    private static final Map<String, Operation> OPERATIONS = new ConcurrentHashMap<>();

    private final QuarkusDataFetcherService quarkus = new QuarkusDataFetcherService();
    private final BatchLoaderHelper names = new BatchLoaderHelper();
    /** SmallRye creates its services once per schema build, at start. */
    private final boolean timed = FastPaths.enabled() && Config.get().isMetricsEnabled();
    /** Whether a batch loader is made once and reused (a fast path, see {@link Made}). */
    private final boolean reuse = FastPaths.enabled();
    private final Map<Made, PlugableBatchableDataFetcher<Object, Object>> made = new ConcurrentHashMap<>();

    @Override
    public Integer getPriority() {
        return 0; // before Quarkus' service (1)
    }

    @Override
    @SuppressWarnings("unchecked")
    public PlugableBatchableDataFetcher getUniDataFetcher(Operation operation, Type type) {
        if (!operation.isSourceField()) {
            return reuse && operation.getOperationType() == OperationType.QUERY ? new LeanContextFetcher<>(operation, type)
                    : quarkus.getUniDataFetcher(operation, type);
        }
        return reuse ? made.computeIfAbsent(new Made(operation, type), ignored -> batched(operation, type))
                : batched(operation, type);
    }

    @SuppressWarnings("unchecked")
    private PlugableBatchableDataFetcher<Object, Object> batched(Operation operation, Type type) {
        PlugableBatchableDataFetcher<Object, Object> fetcher = reuse ? new LeanContextFetcher<>(operation, type)
                : quarkus.getUniDataFetcher(operation, type);
        OPERATIONS.put(names.getName(operation), operation);
        PlugableBatchableDataFetcher<Object, Object> batched = operation.hasArguments() ? new Grouping(fetcher) : fetcher;
        return timed ? new Timed(batched, operation.getName()) : batched;
    }

    /**
     * An operation and type SmallRye asked a batch loader for, compared by identity (the model's own equals compares
     * every attribute). SmallRye builds a data loader for every batched field in every request, and asks this
     * service for its batch loader each time: a new fetcher with its reflective invoker, per field per request. The
     * loaders hold no request state (the schema's own fetchers are shared the same way), so one per operation and
     * type serves every request.
     */
    private record Made(Operation operation, Type type) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Made made && made.operation == operation && made.type == type;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(operation) + System.identityHashCode(type);
        }
    }

    /** The code registry with a {@link Lean} fetcher wherever SmallRye put its batch fetcher. */
    static GraphQLCodeRegistry lean(GraphQLSchema schema) {
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        Map<FieldCoordinates, DataFetcher<?>> replaced = new HashMap<>();
        for (GraphQLObjectType type : schema.getAllTypesAsList().stream()
                .filter(GraphQLObjectType.class::isInstance).map(GraphQLObjectType.class::cast).toList()) {
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                Operation operation = OPERATIONS.get(type.getName() + "_" + field.getName());
                if (operation != null && registry.getDataFetcher(type, field) instanceof BatchDataFetcher) {
                    replaced.put(FieldCoordinates.coordinates(type, field), new Lean(operation));
                }
            }
        }
        return registry.transform(builder -> replaced.forEach(builder::dataFetcher));
    }

    /** Loads the parent through the field's batch loader, with the arguments the batch loader expects. */
    static final class Lean implements DataFetcher<Object> {

        private final String loader;
        private final ArgumentHelper arguments;

        Lean(Operation operation) {
            this.loader = new BatchLoaderHelper().getName(operation);
            this.arguments = new ArgumentHelper(operation.getArguments());
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            Map<String, Object> keyContext = new HashMap<>(4);
            keyContext.put(BatchLoaderHelper.ARGUMENTS, arguments.getArguments(environment, true));
            keyContext.put(BatchLoaderHelper.DATA_FETCHING_ENVIRONMENT, environment);
            return environment.getDataLoader(loader).load(environment.getSource(), keyContext);
        }
    }

    /** The environment a key was requested in, as the fetchers put it in the key's context; null if absent. */
    static DataFetchingEnvironment requestedWith(Object keyContext) {
        return keyContext instanceof Map<?, ?> context
                && context.get(BatchLoaderHelper.DATA_FETCHING_ENVIRONMENT) instanceof DataFetchingEnvironment requested
                        ? requested
                        : null;
    }

    /**
     * Times each batch in SmallRye's timer for fields ({@code mp_graphql}, tags {@code name}, {@code type},
     * {@code source=true}): the {@link Lean} fetcher skips SmallRye's, which timed each parent. One sample per batch
     * the data loader dispatches (all its argument groups together), from the call to the resolver until its answer:
     * the time the field's SQL and mapping took. Installed with the lean fetchers only; without them SmallRye's
     * fetcher times each parent, and both in one timer would count twice.
     */
    static final class Timed implements PlugableBatchableDataFetcher<Object, Object> {

        private static final String TIMER = "mp_graphql";
        private final PlugableBatchableDataFetcher<Object, Object> delegate;
        private final String field;
        private volatile MeterRegistry registry;

        Timed(PlugableBatchableDataFetcher<Object, Object> delegate, String field) {
            this.delegate = delegate;
            this.field = field;
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return delegate.get(environment);
        }

        @Override
        public CompletionStage<List<Object>> load(List<Object> keys, BatchLoaderEnvironment environment) {
            long start = System.nanoTime();
            String type = operationType(environment);
            return delegate.load(keys, environment).whenComplete((values, failure) -> timer(type)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
        }

        private Timer timer(String type) {
            MeterRegistry meters = registry;
            if (meters == null) {
                meters = registry = Arc.container().instance(MeterRegistry.class).get();
            }
            return meters.timer(TIMER, Tags.of("name", field, "type", type, "source", "true"));
        }

        /** QUERY or MUTATION, as SmallRye tags it, from any key's environment. */
        private static String operationType(BatchLoaderEnvironment environment) {
            for (Object keyContext : environment.getKeyContextsList()) {
                DataFetchingEnvironment requested = requestedWith(keyContext);
                if (requested != null) {
                    return requested.getOperationDefinition().getOperation().name();
                }
            }
            return "QUERY";
        }
    }

    /** Splits a batch by the arguments each key was requested with. */
    static final class Grouping implements PlugableBatchableDataFetcher<Object, Object> {

        private final PlugableBatchableDataFetcher<Object, Object> delegate;

        Grouping(PlugableBatchableDataFetcher<Object, Object> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return delegate.get(environment);
        }

        @Override
        public CompletionStage<List<Object>> load(List<Object> keys, BatchLoaderEnvironment environment) {
            List<Object> contexts = environment.getKeyContextsList();
            Map<Object, List<Integer>> groups = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                groups.computeIfAbsent(arguments(contexts.get(i)), k -> new ArrayList<>()).add(i);
            }
            if (groups.size() <= 1) {
                return delegate.load(keys, environment);
            }
            Object[] results = new Object[keys.size()];
            List<CompletableFuture<Void>> loads = new ArrayList<>(groups.size());
            for (List<Integer> positions : groups.values()) {
                List<Object> groupKeys = new ArrayList<>(positions.size());
                List<Object> groupContexts = new ArrayList<>(positions.size());
                for (int position : positions) {
                    groupKeys.add(keys.get(position));
                    groupContexts.add(contexts.get(position));
                }
                BatchLoaderEnvironment groupEnvironment = BatchLoaderEnvironment.newBatchLoaderEnvironment()
                        .context(environment.getContext()).keyContexts(groupKeys, groupContexts).build();
                loads.add(delegate.load(groupKeys, groupEnvironment).toCompletableFuture().thenAccept(values -> {
                    for (int i = 0; i < positions.size(); i++) {
                        results[positions.get(i)] = values.get(i);
                    }
                }));
            }
            return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new))
                    .thenApply(done -> Arrays.asList(results));
        }

        /** The argument values (variables resolved) a key was requested with; equal maps share one group. */
        private static Object arguments(Object keyContext) {
            DataFetchingEnvironment requested = requestedWith(keyContext);
            return requested != null ? requested.getArguments() : Objects.toString(keyContext);
        }
    }
}
