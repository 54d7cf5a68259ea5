package org.parley.graphql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import graphql.GraphQL;

/**
 * Hooks into graphql-java as SmallRye builds it. Parley installs its own instrumentation, which replaces the chain
 * SmallRye would build from its max-depth/complexity settings (not used by Parley).
 */
@ApplicationScoped
public class GraphQLCustomizer {

    GraphQL.Builder customize(@Observes GraphQL.Builder builder) {
        return builder.instrumentation(new ErrorCodes());
    }
}
