package org.parley.engine;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldValueInfo;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLType;

import static graphql.execution.ResultNodesInfo.MAX_RESULT_NODES;

/**
 * graphql-java's strategy for queries (also what completes a mutation's payload and a subscription's events below
 * their root field), which completes an object whose whole selection is plain ({@link PlainSelections}) in one pass
 * instead of field by field, and hands graphql-java only the other fields of an object with both kinds.
 * graphql-java's per-level data loader dispatch counts the objects it expects to execute from the kind of each
 * completed value, and the fields to fetch from each executed object's selection: a planned object is handed back as
 * a finished value (kind {@code SCALAR}), and a split object's selection holds only the fields graphql-java
 * executes, so the dispatch neither waits for what never runs nor counts fields that never fetch. Installed with the
 * {@link FastPaths} only, and only while no instrumentation takes a per-field hook (those would not be called for
 * the fields it answers).
 */
final class QueryExecutionStrategy extends AsyncExecutionStrategy {

    private final PlainSelections plans = new PlainSelections();
    /** Objects completed from a plan, whole or split, for tests (a counter add per object: negligible). */
    private final LongAdder planned = new LongAdder();
    private final LongAdder split = new LongAdder();

    QueryExecutionStrategy(DataFetcherExceptionHandler exceptions) {
        super(exceptions);
    }

    @Override
    protected FieldValueInfo completeValue(ExecutionContext context, ExecutionStrategyParameters parameters) {
        PlainSelections.Plan plan = plan(context, parameters);
        if (plan != null && plan.whole) {
            Object answer = plan.completeObject(parameters.getSource(), context);
            if (answer != PlainSelections.NOT_COMPLETED && answer != null) {
                planned.increment();
                return new FieldValueInfo(FieldValueInfo.CompleteValueType.SCALAR, answer);
            }
        }
        return super.completeValue(context, parameters);
    }

    /**
     * An object with plain and other fields: graphql-java executes the others (and counts only them for the data
     * loaders' dispatch), the plain ones are answered from the plan and put in their places.
     */
    @Override
    @SuppressWarnings("unchecked")
    protected Object executeObject(ExecutionContext context, ExecutionStrategyParameters parameters) {
        PlainSelections.Plan plan = parameters.getField() == null ? null : plan(context, parameters);
        // a whole plan is here when it gave up on this object: the fields it can answer still are
        Object[] values = plan == null ? null : plan.plainValues(parameters.getSource(), context);
        if (values == null) {
            return super.executeObject(context, parameters);
        }
        split.increment();
        Object executed = super.executeObject(context,
                parameters.transform(others -> others.fields(plan.others(parameters.getFields(), values))));
        if (executed instanceof CompletableFuture<?> later) {
            return ((CompletableFuture<Map<String, Object>>) later).thenApply(answer -> plan.merge(answer, values));
        }
        return plan.merge((Map<String, Object>) executed, values);
    }

    /** The plan for the object {@code parameters} completes; null when there is none or it must not be used. */
    private PlainSelections.Plan plan(ExecutionContext context, ExecutionStrategyParameters parameters) {
        GraphQLType type = parameters.getExecutionStepInfo().getUnwrappedNonNullType();
        if (type instanceof GraphQLObjectType object && parameters.getSource() != null
                && !context.hasIncrementalSupport()
                && context.getGraphQLContext().get(MAX_RESULT_NODES) == null) {
            return plans.plan(context, object, parameters.getField());
        }
        return null;
    }

    /** How many objects (not counting those inside them) were completed from a plan since start. */
    long plannedObjects() {
        return planned.sum();
    }

    /** How many objects had their plain fields answered from a plan and the others executed, since start. */
    long splitObjects() {
        return split.sum();
    }
}
