package org.parley.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The check against plain Configs: starting Quarkus to see it refuse would cost a start per case. */
class IgnoredGraphQLSettingsTest {

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }

    private static List<String> problems(Map<String, String> values) {
        return IgnoredGraphQLSettings.problems(config(values));
    }

    @Test
    void parleysOwnSettingsPass() {
        assertEquals(List.of(), problems(Map.of(
                "parley.limits.max-depth", "12",
                IgnoredGraphQLSettings.HTTP_GET, "true",
                IgnoredGraphQLSettings.HTTP_POST_QUERY_PARAMETERS, "false",
                IgnoredGraphQLSettings.ROOT_PATH, "/graphql")));
        assertEquals(List.of(), problems(Map.of()));
    }

    @Test
    void smallRyeDepthNamesParleysMaxDepth() {
        List<String> problems = problems(Map.of(IgnoredGraphQLSettings.QUERY_DEPTH, "5"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("parley.limits.max-depth"), problems.get(0));
        assertTrue(problems.get(0).contains("PARLEY_LIMITS_MAX_DEPTH"), problems.get(0));
    }

    @Test
    void smallRyeComplexityNamesParleysMaxCost() {
        List<String> problems = problems(Map.of(IgnoredGraphQLSettings.QUERY_COMPLEXITY, "100"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("parley.limits.max-cost"), problems.get(0));
    }

    @Test
    void httpKeysThatAskForWhatTheEndpointDoesNotDo() {
        List<String> problems = problems(Map.of(
                IgnoredGraphQLSettings.HTTP_GET, "false",
                IgnoredGraphQLSettings.HTTP_POST_QUERY_PARAMETERS, "true",
                IgnoredGraphQLSettings.ROOT_PATH, "api"));
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(IgnoredGraphQLSettings.HTTP_GET + "=false"), problems.get(0));
        assertTrue(problems.get(1).startsWith(IgnoredGraphQLSettings.HTTP_POST_QUERY_PARAMETERS + "=true"),
                problems.get(1));
        assertTrue(problems.get(2).contains("stays on /graphql"), problems.get(2));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<String> problems = problems(Map.of(
                IgnoredGraphQLSettings.QUERY_DEPTH, "5",
                IgnoredGraphQLSettings.QUERY_COMPLEXITY, "100"));
        assertEquals(2, problems.size(), problems.toString());
    }
}
