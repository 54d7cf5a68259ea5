package org.parley.engine;

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
 * instead of field by field. graphql-java's per-level data loader dispatch counts the objects it expects to execute
 * from the kind of each completed value: such an object is handed back as a finished value (kind {@code SCALAR}), so
 * the dispatch neither waits for it nor counts fields that never fetch. Installed with the {@link FastPaths} only,
 * and only while no instrumentation takes a per-field hook (those would not be called for the fields it completes).
 */
final class QueryExecutionStrategy extends AsyncExecutionStrategy {

    private final PlainSelections plans = new PlainSelections();
    /** Objects completed from a plan, for tests (a counter add per object: negligible beside what it saves). */
    private final LongAdder planned = new LongAdder();

    QueryExecutionStrategy(DataFetcherExceptionHandler exceptions) {
        super(exceptions);
    }

    @Override
    protected FieldValueInfo completeValue(ExecutionContext context, ExecutionStrategyParameters parameters) {
        GraphQLType type = parameters.getExecutionStepInfo().getUnwrappedNonNullType();
        if (type instanceof GraphQLObjectType object && parameters.getSource() != null
                && !context.hasIncrementalSupport()
                && context.getGraphQLContext().get(MAX_RESULT_NODES) == null) {
            PlainSelections.Plan plan = plans.plan(context, object, parameters.getField());
            if (plan != null) {
                Object answer = plan.completeObject(parameters.getSource(), context);
                if (answer != PlainSelections.NOT_COMPLETED && answer != null) {
                    planned.increment();
                    return new FieldValueInfo(FieldValueInfo.CompleteValueType.SCALAR, answer);
                }
            }
        }
        return super.completeValue(context, parameters);
    }

    /** How many objects (not counting those inside them) were completed from a plan since start. */
    long plannedObjects() {
        return planned.sum();
    }
}
