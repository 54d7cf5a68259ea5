package org.parley.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;
import org.parley.testsupport.GraphQL;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLSchema;

import io.quarkus.smallrye.graphql.runtime.spi.datafetcher.QuarkusUniDataFetcher;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.graphql.execution.datafetcher.BatchDataFetcher;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;

/**
 * With {@code parley.engine.fast-paths} on (the default) the fast paths are installed; {@link FastPathsOffTest} checks
 * that with it off each is replaced by the framework's own. Read from the objects graphql-java executes with. The
 * pom's {@code fast-paths-off} execution runs this class again with {@code PARLEY_ENGINE_FAST_PATHS=false}: there it
 * expects them off, which shows the variable reached the application.
 */
@QuarkusTest
class FastPathsTest {

    @Inject
    GraphQLCustomizer customizer;

    @Test
    void theFastPathsAreInstalledUnlessTheEnvironmentTurnsThemOff() {
        assertInstalled(customizer, !"false".equalsIgnoreCase(System.getenv("PARLEY_ENGINE_FAST_PATHS")));
    }

    static void assertInstalled(GraphQLCustomizer customizer, boolean on) {
        GraphQL.data("actors"); // SmallRye builds graphql-java, and SchemaTuning its schema, by the first request
        GraphQLSchema schema = customizer.executingSchema();
        assertNotNull(schema, "a request ran against the tuned schema");

        // a list: batched fields sit behind ReadAheadFields in both modes (to-one fields read ahead, lists folded)
        Object participants = fetcher(schema, "Encounter", "participants");
        assertEquals(ReadAheadFields.Fetcher.class, participants.getClass(), "Encounter.participants' fetcher");
        Class<?> batched = ((ReadAheadFields.Fetcher) participants).batched().getClass();
        assertEquals(on ? BatchFetchers.Lean.class : BatchDataFetcher.class, batched, "Encounter.participants' batch");
        Class<?> root = fetcher(schema, "Query", "node").getClass();
        assertEquals(on ? LeanContextFetcher.class : QuarkusUniDataFetcher.class, root, "Query.node's fetcher");
        Class<?> plain = fetcher(schema, "Actor", "name").getClass();
        assertEquals(on ? PlainFieldFetchers.PropertyFetcher.class : FieldDataFetcher.class, plain, "Actor.name's fetcher");
        assertEquals(on ? InstrumentationChain.class : ChainedInstrumentation.class,
                customizer.instrumentation().getClass(), "the instrumentation chain");
        assertEquals(on, customizer.queryStrategy() != null, "plain objects completed by QueryExecutionStrategy");
        Class<?> date = fetcher(schema, "PartialDate", "date").getClass();
        assertEquals(on ? PlainFieldFetchers.PropertyFetcher.class : FieldDataFetcher.class, date,
                "PartialDate.date's fetcher (SmallRye's date transformer)");
        DataLoaderRegistry smallRyes = new DataLoaderRegistry();
        smallRyes.register("Encounter_participants",
                DataLoaderFactory.newDataLoader(keys -> CompletableFuture.completedFuture(List.of())));
        ExecutionInput input = ExecutionInput.newExecutionInput("{ __typename }").dataLoaderRegistry(smallRyes).build();
        assertEquals(on ? UsedDataLoaders.class : DataLoaderRegistry.class,
                customizer.tuning().instrumentExecutionInput(input, null, null).getDataLoaderRegistry().getClass(),
                "the registry a request dispatches");
        assertEquals(on, new GraphQLExecution(context -> {
        }, null, null).writesWithJackson(), "answers written with Jackson");
        if (on) {
            // the first answer compared AnswerJson's walk with Quarkus' ObjectMapper
            assertTrue(AnswerJson.walks(), "answers written by AnswerJson's walk, not the ObjectMapper");
        }
    }

    private static DataFetcher<?> fetcher(GraphQLSchema schema, String type, String field) {
        return schema.getCodeRegistry().getDataFetcher(FieldCoordinates.coordinates(type, field),
                schema.getObjectType(type).getFieldDefinition(field));
    }
}
