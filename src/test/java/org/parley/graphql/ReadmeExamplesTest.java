package org.parley.graphql;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.engine.GraphiQLExamples;
import org.parley.testsupport.GraphQL;

import io.quarkus.test.junit.QuarkusTest;

/** The README's example queries must keep working: each ```graphql block is run against the data set. */
@QuarkusTest
class ReadmeExamplesTest {

    @Test
    void everyExampleQueryOfTheReadmeAnswersWithData() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        List<String> queries = GraphiQLExamples.queries(readme);
        assertEquals(3, queries.size(), "the README shows three example queries");
        for (String query : queries) {
            GraphQL.post(query, Map.of()).statusCode(200)
                    .body("errors", nullValue())
                    .body("data", notNullValue())
                    // every example lists records with a title: an empty answer would be a broken example
                    .body(containsString("\"title\":\""));
        }
    }
}
