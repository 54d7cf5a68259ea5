package org.parley.limits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.parley.engine.LeavesPropertyReads;

import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.ErrorClassification;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.introspection.GoodFaithIntrospection;
import graphql.schema.DataFetcher;

/**
 * The limits that need the validated operation and its variables, checked after validation and before the first
 * field runs: page sizes ({@code BAD_USER_INPUT}) and cost ({@code MAX_COST}, see {@link QueryCost}). Every result
 * then carries {@code extensions.cost = {requested, limit}} (requested is 0 when the request was refused before its
 * cost was known).
 * <p>
 * When the request carries a deadline (the HTTP handler puts it in the GraphQL context under {@link #DEADLINE}),
 * fields that would start after it are not run: they fail with {@code TIMEOUT}, so that a request the client has
 * already been told timed out stops reaching the database.
 */
public class RequestLimits extends SimplePerformantInstrumentation implements LeavesPropertyReads {

    /** GraphQL context key: the {@link System#nanoTime()} by which the request must be answered. */
    public static final String DEADLINE = "parley.deadline";

    private final long maxCost;
    private final QueryCost.Sizes sizes;
    private final long maxMergeWork;

    static final class Cost implements InstrumentationState {
        volatile long requested;
    }

    /** Thrown instead of running a field after the deadline; no stack trace, it is not a fault of the code. */
    static final class PastDeadline extends RuntimeException {
        PastDeadline() {
            super("The request ran past its deadline", null, false, false);
        }
    }

    public RequestLimits(long maxCost, QueryCost.Sizes sizes) {
        this(maxCost, sizes, Integer.MAX_VALUE);
    }

    /**
     * @param maxFieldMerges {@code parley.limits.max-field-merges}: the merging work allowed is that of one object
     *        whose selection set repeats one field this many times, the most {@link DocumentChecks} lets through
     */
    public RequestLimits(long maxCost, QueryCost.Sizes sizes, int maxFieldMerges) {
        this.maxCost = maxCost;
        this.sizes = sizes;
        long repeats = maxFieldMerges + 1L;
        this.maxMergeWork = repeats * (repeats - 1) / 2;
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Cost();
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        Admission.Ticket ticket = execution.getGraphQLContext().get(Admission.TICKET);
        GraphQLError refusal = refusal(execution, state, ticket);
        if (refusal != null) {
            if (ticket != null) {
                // Parsing, validation and measuring were done: without this charge a client whose bucket keeps a
                // few points could have every refused document parsed and measured again, as fast as it sends.
                ticket.charge(Admission.parsingCharge(execution.getExecutionInput().getQuery()));
            }
            throw new AbortExecutionException(List.of(refusal));
        }
        return SimpleInstrumentationContext.noOp();
    }

    /** Why the operation must not run (its shape, then admission control), or null; charges the cost if admitted. */
    private GraphQLError refusal(ExecutionContext execution, InstrumentationState state, Admission.Ticket ticket) {
        QueryCost.Measured measured;
        try {
            measured = QueryCost.of(execution.getNormalizedQueryTree().get(), execution.getGraphQLSchema(), sizes);
        } catch (AbortExecutionException tooManyFields) {
            return DocumentChecks.error("The operation selects too many fields to be measured", Limits.MAX_COST,
                    null);
        }
        if (state instanceof Cost cost) {
            cost.requested = measured.cost();
        }
        if (measured.pageSizeError() != null) {
            return measured.pageSizeError();
        }
        if (measured.cost() > maxCost) {
            return DocumentChecks.error("The operation could return " + measured.cost() + " objects; at most "
                    + maxCost + " are allowed (ask for smaller pages or fewer nested lists)", Limits.MAX_COST, null);
        }
        if (measured.mergeWork() > maxMergeWork) {
            // repeats that are few in the document but collected again for each of many objects
            return DocumentChecks.error("The operation repeats fields that execution would merge for every "
                    + "object of its lists; write each field once per level", Limits.MAX_FIELD_MERGES, null);
        }
        if (ticket == null) {
            return null;
        }
        // last: the cost is charged only to an operation that runs
        Admission.Refusal admission = ticket.admit(measured.cost());
        return admission == null ? null : admission.error(); // the HTTP handler reads the status from the ticket
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        if (parameters.isTrivialDataFetcher()) {
            return dataFetcher; // a property read: asking for its environment would build one for every field
        }
        Long deadline = parameters.getExecutionContext().getGraphQLContext().get(DEADLINE);
        if (deadline == null) {
            return dataFetcher;
        }
        return environment -> {
            if (System.nanoTime() - deadline > 0) {
                throw new PastDeadline();
            }
            return dataFetcher.get(environment);
        };
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        long requested = state instanceof Cost cost ? cost.requested : 0;
        List<GraphQLError> errors = new ArrayList<>(result.getErrors().size());
        result.getErrors().forEach(error -> errors.add(withLimitCode(error)));
        Map<Object, Object> extensions = new LinkedHashMap<>();
        if (result.getExtensions() != null) {
            extensions.putAll(result.getExtensions());
        }
        extensions.put("cost", costExtension(requested, maxCost));
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors).extensions(extensions)));
    }

    /** The value of {@code extensions.cost}, in the order GitHub's rateLimit gives cost and limit. */
    public static Map<String, Object> costExtension(long requested, long limit) {
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("requested", requested);
        cost.put("limit", limit);
        return cost;
    }

    /** Codes for the limits graphql-java enforces itself, and for fields cut off by the deadline. */
    private static GraphQLError withLimitCode(GraphQLError error) {
        if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
            return DocumentChecks.error(error.getMessage(), Limits.MAX_COST, null);
        }
        if (error instanceof ExceptionWhileDataFetching fetching && fetching.getException() instanceof PastDeadline) {
            return GraphqlErrorBuilder.newError().message("The request ran past its deadline")
                    .path(fetching.getPath()).locations(fetching.getLocations())
                    .errorType(ErrorClassification.errorClassification(Limits.TIMEOUT))
                    .extensions(Map.of("code", Limits.TIMEOUT)).build();
        }
        return error;
    }
}
