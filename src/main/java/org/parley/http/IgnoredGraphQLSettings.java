package org.parley.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start when a SmallRye GraphQL setting is given that Parley's own request path would silently ignore:
 * {@link GraphQLEndpoint} answers {@code /graphql} before SmallRye's route, and Parley's limits replace SmallRye's
 * instrumentations. An operator who sets one believes a protection or behaviour is on when it is not; the message
 * names the setting that does it in Parley.
 */
@ApplicationScoped
public class IgnoredGraphQLSettings {

    static final String QUERY_DEPTH = "quarkus.smallrye-graphql.instrumentation-query-depth";
    static final String QUERY_COMPLEXITY = "quarkus.smallrye-graphql.instrumentation-query-complexity";
    static final String HTTP_GET = "quarkus.smallrye-graphql.http.get.enabled";
    static final String HTTP_POST_QUERY_PARAMETERS = "quarkus.smallrye-graphql.http.post.queryparameters.enabled";
    static final String ROOT_PATH = "quarkus.smallrye-graphql.root-path";

    void onStart(@Observes StartupEvent event) {
        List<String> problems = problems(ConfigProvider.getConfig());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + String.join("; ", problems));
        }
    }

    /** One message per setting that has no effect on Parley's /graphql; empty when none is set. */
    static List<String> problems(Config config) {
        List<String> problems = new ArrayList<>();
        // any value: SmallRye's depth and complexity instrumentations are not in Parley's chain
        if (config.getOptionalValue(QUERY_DEPTH, String.class).isPresent()) {
            problems.add(QUERY_DEPTH + " has no effect on /graphql; set parley.limits.max-depth (PARLEY_LIMITS_MAX_DEPTH)"
                    + " instead");
        }
        if (config.getOptionalValue(QUERY_COMPLEXITY, String.class).isPresent()) {
            problems.add(QUERY_COMPLEXITY + " has no effect on /graphql; set parley.limits.max-cost"
                    + " (PARLEY_LIMITS_MAX_COST) instead");
        }
        // only the values that ask for something Parley's handler does not do: it always answers queries over GET
        // (mutations get 405) and never reads URL parameters of a POST
        if (isFalse(config.getOptionalValue(HTTP_GET, String.class))) {
            problems.add(HTTP_GET + "=false has no effect: /graphql (http.GraphQLEndpoint) always answers queries"
                    + " over GET and refuses mutations over GET with 405, as GraphQL over HTTP requires; refuse GET"
                    + " at the ingress if it must go");
        }
        if (isTrue(config.getOptionalValue(HTTP_POST_QUERY_PARAMETERS, String.class))) {
            problems.add(HTTP_POST_QUERY_PARAMETERS + "=true has no effect: /graphql (http.GraphQLEndpoint) reads a"
                    + " POST's request from its body only; send the query in the body, or use GET");
        }
        // moves SmallRye's route, not Parley's
        Optional<String> root = config.getOptionalValue(ROOT_PATH, String.class);
        if (root.isPresent() && !root.get().strip().replaceAll("^/+|/+$", "").equals("graphql")) {
            problems.add(ROOT_PATH + "=" + root.get() + " has no effect: the API stays on " + GraphQLEndpoint.PATH
                    + " (http.GraphQLEndpoint); map another path at the ingress");
        }
        return problems;
    }

    private static boolean isFalse(Optional<String> value) {
        return value.map(v -> v.strip().equalsIgnoreCase("false")).orElse(false);
    }

    private static boolean isTrue(Optional<String> value) {
        return value.map(v -> v.strip().equalsIgnoreCase("true")).orElse(false);
    }
}
