package org.parley.engine;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.parley.testsupport.GraphQL;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The first requests of a fresh process arrive together (GraphiQL sends several as it opens), and the first of them
 * makes the schema the requests execute against (SchemaTuning). Made by several at once, its copies mixed each
 * other's types: afterwards every mutation taking an input type failed validation ("Variable 'input' of type
 * 'RecordEncounterInput!' used in position expecting type 'RecordEncounterInput!'") until a restart. A profile of
 * its own, so that this test's requests are the first the application serves.
 */
@QuarkusTest
@TestProfile(FirstRequestsTogetherTest.Fresh.class)
class FirstRequestsTogetherTest {

    /** No change but a fresh application. */
    public static class Fresh implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.test.fresh-application", "first-requests-together");
        }
    }

    private static final String INPUT_MUTATION = "mutation RecordEncounter($input: RecordEncounterInput!) {"
            + " recordEncounter(input: $input) { encounter { id } } }";

    @Test
    void mutationsValidateAfterTheFirstRequestsCameTogether() throws Exception {
        int together = 8;
        CyclicBarrier start = new CyclicBarrier(together);
        List<CompletableFuture<Void>> requests = new ArrayList<>();
        for (int i = 0; i < together; i++) {
            String query = i % 2 == 0 ? "{ __schema { types { name } } }" : "{ actors(first: 1) { nodes { name } } }";
            requests.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                GraphQL.post(query, Map.of()).statusCode(200).body("errors", nullValue());
            }));
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        // past validation, the incomplete input (BAD_USER_INPUT) or the missing token (UNAUTHENTICATED) is what
        // is refused; a mixed schema answers GRAPHQL_VALIDATION_FAILED first
        GraphQL.post(INPUT_MUTATION, Map.of("input", Map.of("kind", "MEETING", "title", "t")))
                .body("errors[0].extensions.code", anyOf(equalTo("UNAUTHENTICATED"), equalTo("BAD_USER_INPUT")));
    }
}
