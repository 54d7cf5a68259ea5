package org.parley.engine;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code parley.engine.fast-paths} (default true): whether Parley's replacements for pieces of SmallRye GraphQL and
 * graphql-java are installed. Off, every one falls back to the framework's own: SmallRye's batch fetchers
 * ({@link BatchFetchers.Lean} is not installed), its field fetchers ({@link PlainFieldFetchers}), its field visibility
 * ({@link SchemaTuning}), graphql-java's {@code ChainedInstrumentation} ({@link InstrumentationChain}), its query
 * strategy ({@link QueryExecutionStrategy}: plain objects completed from plans) and SmallRye's
 * answer writer ({@link GraphQLExecution}). What is there for correctness stays in both modes: batches split by
 * argument values ({@link BatchFetchers.Grouping}), strict {@code Int} and {@code Float}. The answers are the same
 * either way; off is slower. CI runs a subset of the GraphQL tests with them off (pom.xml, execution
 * {@code fast-paths-off}), so that an upgrade that breaks a fast path shows as a difference between the two runs.
 */
public final class FastPaths {

    public static final String KEY = "parley.engine.fast-paths";

    private FastPaths() {
    }

    /**
     * Read where each piece is built (at start), from the running application's configuration: the pieces that
     * SmallRye loads with a ServiceLoader cannot have it injected.
     */
    public static boolean enabled() {
        return ConfigProvider.getConfig().getOptionalValue(KEY, Boolean.class).orElse(true);
    }
}
