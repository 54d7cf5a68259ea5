package org.parley.engine;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With {@code parley.engine.fast-paths=false}, SmallRye's and graphql-java's own pieces run instead. */
@QuarkusTest
@TestProfile(FastPathsOffTest.Off.class)
class FastPathsOffTest {

    public static class Off implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(FastPaths.KEY, "false");
        }
    }

    @Inject
    GraphQLCustomizer customizer;

    @Test
    void theFrameworksOwnPiecesAreInstalled() {
        FastPathsTest.assertInstalled(customizer, false);
    }
}
