package org.parley.graphql;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Hooks into graphql-java as SmallRye builds it. Parley installs its own instrumentations, which replace the chain
 * SmallRye would build from its max-depth/complexity settings (not used by Parley): {@link ErrorCodes} first, so
 * that {@link RequestLog} sees the codes that are sent.
 */
@ApplicationScoped
public class GraphQLCustomizer {

    private final MeterRegistry registry;

    GraphQLCustomizer(MeterRegistry registry) {
        this.registry = registry;
    }

    GraphQL.Builder customize(@Observes GraphQL.Builder builder) {
        return builder.instrumentation(new ChainedInstrumentation(List.of(new ErrorCodes(registry), new RequestLog())));
    }
}
