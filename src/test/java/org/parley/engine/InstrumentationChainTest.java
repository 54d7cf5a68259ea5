package org.parley.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.parley.limits.QueryCost;
import org.parley.limits.RequestLimits;
import org.parley.errors.ErrorCodes;
import org.parley.errors.RequestLog;

import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.graphql.execution.QueryCache;

/** The chain skips the per-field hooks no member takes, and still calls a member that takes one (no Quarkus). */
class InstrumentationChainTest {

    /** A member that counts the field fetches it is told of. */
    static final class FetchCounter extends SimplePerformantInstrumentation {
        final AtomicInteger fetches = new AtomicInteger();

        @Override
        public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
                InstrumentationState state) {
            fetches.incrementAndGet();
            return SimpleInstrumentationContext.noOp();
        }
    }

    static InstrumentationState stateOf(InstrumentationChain chain) {
        return chain.createStateAsync(null).join();
    }

    @Test
    void parleysOwnMembersTakeNoFieldHookSoTheChainAnswersWithTheSharedNoOps() {
        InstrumentationChain chain = new InstrumentationChain(List.of(new SchemaTuning(true, true), new QueryCache(),
                new RequestLimits(1000, new QueryCost.Sizes(100, 20, 100)), new ErrorCodes(new SimpleMeterRegistry()),
                new RequestLog()));
        InstrumentationState state = stateOf(chain);
        assertSame(FieldFetchingInstrumentationContext.NOOP, chain.beginFieldFetching(null, state));
        assertSame(ExecuteObjectInstrumentationContext.NOOP, chain.beginExecuteObject(null, state));
        assertSame(SimpleInstrumentationContext.noOp(), chain.beginFieldCompletion(null, state));
        assertSame(SimpleInstrumentationContext.noOp(), chain.beginFieldListCompletion(null, state));
        assertSame(SimpleInstrumentationContext.noOp(), chain.beginFieldExecution(null, state));
    }

    @Test
    void aMemberThatTakesAFieldHookIsStillCalled() {
        FetchCounter counter = new FetchCounter();
        InstrumentationChain chain = new InstrumentationChain(List.of(new RequestLog(), counter));
        InstrumentationState state = stateOf(chain);
        assertNotSame(FieldFetchingInstrumentationContext.NOOP, chain.beginFieldFetching(null, state));
        chain.beginFieldFetch(null, state);
        assertEquals(2, counter.fetches.get());
        // hooks it does not take are still skipped
        assertSame(SimpleInstrumentationContext.noOp(), chain.beginFieldCompletion(null, state));
    }

    @Test
    void overridesAreReadFromTheMembersClasses() {
        List<Instrumentation> plain = List.of(new RequestLog(), new QueryCache());
        assertFalse(InstrumentationChain.anyOverrides(plain, "beginFieldFetch",
                InstrumentationFieldFetchParameters.class, InstrumentationState.class));
        assertTrue(InstrumentationChain.anyOverrides(List.of(new RequestLog(), new FetchCounter()),
                "beginFieldFetch", InstrumentationFieldFetchParameters.class, InstrumentationState.class));
    }
}
