package org.parley.engine;

import java.util.List;

import org.parley.limits.RequestLimits;
import org.parley.errors.ErrorCodes;
import org.parley.errors.RequestLog;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentation;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.execution.QueryCache;

/**
 * graphql-java's chain, minus the per-field and per-object calls that no member takes. graphql-java calls these
 * hooks for every field of every object of an answer (thousands of times for a page with nested lists), and the
 * plain chain asks each member and collects their contexts in a new list each time (what that cost:
 * docs/BENCHMARKS.md), where Parley's instrumentations all work per request. Which member overrides
 * which hook is read once, from the classes, so a member that starts to take a field hook is called again.
 */
@RegisterForReflection(targets = { RequestLimits.class, ErrorCodes.class, RequestLog.class, SchemaTuning.class,
        QueryCache.class, SimpleInstrumentation.class, SimplePerformantInstrumentation.class, Instrumentation.class })
final class InstrumentationChain extends ChainedInstrumentation {

    private final boolean executeObject;
    private final boolean fieldExecution;
    private final boolean fieldFetch;
    private final boolean fieldCompletion;
    private final boolean fieldListCompletion;
    private final boolean deferredField;
    private final boolean dataFetcher;

    InstrumentationChain(List<Instrumentation> members) {
        super(members);
        executeObject = anyOverrides(members, "beginExecuteObject", InstrumentationExecutionStrategyParameters.class,
                InstrumentationState.class);
        fieldExecution = anyOverrides(members, "beginFieldExecution", InstrumentationFieldParameters.class,
                InstrumentationState.class);
        // the default beginFieldFetching calls beginFieldFetch
        fieldFetch = anyOverrides(members, "beginFieldFetching", InstrumentationFieldFetchParameters.class,
                InstrumentationState.class)
                || anyOverrides(members, "beginFieldFetch", InstrumentationFieldFetchParameters.class,
                        InstrumentationState.class);
        fieldCompletion = anyOverrides(members, "beginFieldCompletion", InstrumentationFieldCompleteParameters.class,
                InstrumentationState.class);
        fieldListCompletion = anyOverrides(members, "beginFieldListCompletion",
                InstrumentationFieldCompleteParameters.class, InstrumentationState.class);
        deferredField = anyOverrides(members, "beginDeferredField", InstrumentationState.class);
        dataFetcher = members.stream().filter(member -> !(member instanceof LeavesPropertyReads)).anyMatch(member ->
                anyOverrides(List.of(member), "instrumentDataFetcher", DataFetcher.class,
                        InstrumentationFieldFetchParameters.class, InstrumentationState.class));
    }

    /**
     * Whether a member takes a hook graphql-java calls per field or per object, or changes the fetchers of plain
     * properties ({@link LeavesPropertyReads}): {@link QueryExecutionStrategy} completes plain objects without those
     * calls, so it is installed only while none does.
     */
    boolean takesFieldHooks() {
        return executeObject || fieldExecution || fieldFetch || fieldCompletion || fieldListCompletion || deferredField
                || dataFetcher;
    }

    /**
     * Whether a member's class, not one of graphql-java's no-op bases, declares the hook. When the method cannot be
     * looked up (a native image without its reflection data), the hook counts as taken: slower, never wrong.
     */
    static boolean anyOverrides(List<Instrumentation> members, String hook, Class<?>... parameters) {
        for (Instrumentation member : members) {
            Class<?> declaring;
            try {
                declaring = member.getClass().getMethod(hook, parameters).getDeclaringClass();
            } catch (NoSuchMethodException | RuntimeException e) {
                return true;
            }
            if (declaring != Instrumentation.class && declaring != SimpleInstrumentation.class
                    && declaring != SimplePerformantInstrumentation.class) {
                return true;
            }
        }
        return false;
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
            InstrumentationState state) {
        return executeObject ? super.beginExecuteObject(parameters, state) : ExecuteObjectInstrumentationContext.NOOP;
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
            InstrumentationState state) {
        return fieldExecution ? super.beginFieldExecution(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return fieldFetch ? super.beginFieldFetch(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return fieldFetch ? super.beginFieldFetching(parameters, state) : FieldFetchingInstrumentationContext.NOOP;
    }

    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
            InstrumentationState state) {
        return fieldCompletion ? super.beginFieldCompletion(parameters, state) : SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
            InstrumentationState state) {
        return fieldListCompletion ? super.beginFieldListCompletion(parameters, state)
                : SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<Object> beginDeferredField(InstrumentationState state) {
        return deferredField ? super.beginDeferredField(state) : SimpleInstrumentationContext.noOp();
    }
}
