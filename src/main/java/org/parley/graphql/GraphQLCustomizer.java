package org.parley.graphql;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.parley.limits.Limits;
import org.parley.limits.QueryCost;
import org.parley.limits.RequestLimits;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Hooks into graphql-java as SmallRye builds it. Parley's instrumentations run after SmallRye's own (its document
 * cache), in this order: {@link RequestLimits} (page sizes, cost, deadline), {@link ErrorCodes}, which then counts the
 * codes the limits gave, and {@link RequestLog}, which sees the codes that are sent.
 */
@ApplicationScoped
public class GraphQLCustomizer {

    private final MeterRegistry registry;
    private final Limits limits;

    GraphQLCustomizer(MeterRegistry registry, Limits limits) {
        this.registry = registry;
        this.limits = limits;
    }

    GraphQL.Builder customize(@Observes GraphQL.Builder builder) {
        Instrumentation smallRye = builder.build().getInstrumentation();
        return builder.instrumentation(new ChainedInstrumentation(List.of(smallRye,
                new RequestLimits(limits.maxCost(),
                        new QueryCost.Sizes(limits.maxPageSize(), PageRequest.DEFAULT_FIRST, limits.listSize())),
                new ErrorCodes(registry), new RequestLog())));
    }
}
