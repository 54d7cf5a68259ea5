package org.parley.engine;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.limits.Limits;
import org.parley.limits.QueryCost;
import org.parley.limits.RequestLimits;
import org.parley.errors.ErrorCodes;
import org.parley.errors.RequestLog;
import org.parley.read.PageRequest;

import graphql.GraphQL;
import io.smallrye.graphql.execution.error.ExceptionHandler;
import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;
import io.smallrye.graphql.execution.QueryCache;
import io.smallrye.graphql.spi.EventingService;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLSchema;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Hooks into graphql-java as SmallRye builds it. Parley's instrumentations run after {@link SchemaTuning} (lean batch
 * fetchers, default field visibility) and SmallRye's parsed-document cache, in this order: {@link RequestLimits} (page sizes, cost, deadline), {@link ErrorCodes}, which then counts the
 * codes the limits gave, and {@link RequestLog}, which sees the codes that are sent. {@link InstrumentationChain}
 * skips the per-field hooks that none of them takes (graphql-java's own chain with {@link FastPaths} off).
 * <p>
 * SmallRye calls {@link BuildHook} (a {@code EventingService} registered in {@code META-INF/services}) once, when it
 * builds graphql-java. SmallRye's CDI events could deliver the builder too, but turning them on makes SmallRye fire
 * a CDI event before every data fetch, for every parent object of a batch (its cost: docs/BENCHMARKS.md).
 */
@ApplicationScoped
@Unremovable // looked up by BuildHook, not injected
public class GraphQLCustomizer {

    private final MeterRegistry registry;
    private final Limits limits;
    private final String fieldVisibility;
    private final boolean fastPaths;
    /** What {@link #customize} installed, for {@code FastPathsTest}. */
    private volatile SchemaTuning tuning;
    private volatile Instrumentation instrumentation;
    private volatile QueryExecutionStrategy queryStrategy;
    /** SmallRye's parsed-document cache, once graphql-java is built ({@link DocumentWorkers} fills it ahead). */
    private volatile QueryCache documents;

    GraphQLCustomizer(MeterRegistry registry, Limits limits,
            @ConfigProperty(name = "quarkus.smallrye-graphql.field-visibility", defaultValue = "default") String fieldVisibility) {
        this.registry = registry;
        this.limits = limits;
        this.fieldVisibility = fieldVisibility;
        this.fastPaths = FastPaths.enabled();
    }

    /**
     * SmallRye's parsed-document cache works only with its instrumentation in the chain (validation fills it), and
     * setting the instrumentation replaces SmallRye's chain: without the cache in Parley's chain every request was
     * parsed and validated again. It must be SmallRye's own instance, the provider the builder already has: SmallRye
     * also asks that instance for the document when it sets up each request's context, and a cache that is never
     * filled made it parse every request once more (docs/BENCHMARKS.md).
     */
    GraphQL.Builder customize(GraphQL.Builder builder) {
        QueryCache documents = builder.build().getPreparsedDocumentProvider() instanceof QueryCache smallRyes
                ? smallRyes
                : new QueryCache();
        this.documents = documents;
        List<Instrumentation> chain = new ArrayList<>();
        tuning = new SchemaTuning(fastPaths, fastPaths && fieldVisibility.equals("default"));
        chain.addAll(List.of(tuning, documents,
                new RequestLimits(limits.maxCost(),
                        new QueryCost.Sizes(limits.maxPageSize(), PageRequest.DEFAULT_FIRST, limits.listSize()),
                        limits.maxFieldMerges()),
                new ErrorCodes(registry), new RequestLog()));
        instrumentation = fastPaths ? new InstrumentationChain(chain) : new ChainedInstrumentation(chain);
        builder.preparsedDocumentProvider(documents).instrumentation(instrumentation);
        if (instrumentation instanceof InstrumentationChain lean && !lean.takesFieldHooks()) {
            // SmallRye sets no query strategy: graphql-java's default, with SmallRye's exception handler
            queryStrategy = new QueryExecutionStrategy(new ExceptionHandler());
            builder.queryExecutionStrategy(queryStrategy);
        }
        return builder;
    }

    /** The schema requests execute against, once one has run (null before). */
    GraphQLSchema executingSchema() {
        return tuning == null ? null : tuning.executing();
    }

    /** SmallRye's parsed-document cache, which requests are parsed and validated through (null before). */
    QueryCache documents() {
        return documents;
    }

    Instrumentation instrumentation() {
        return instrumentation;
    }

    /** Parley's query strategy, null when graphql-java's own runs (fast paths off, or a field hook taken). */
    QueryExecutionStrategy queryStrategy() {
        return queryStrategy;
    }

    /** The schema tuning of the chain, once graphql-java is built (null before). */
    SchemaTuning tuning() {
        return tuning;
    }

    /** SmallRye's hook into the building of graphql-java: hands the builder to the CDI bean. */
    public static class BuildHook implements EventingService {

        @Override
        public String getConfigKey() {
            return null; // always on
        }

        @Override
        public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
            return Arc.container().instance(GraphQLCustomizer.class).get().customize(builder);
        }
    }
}
