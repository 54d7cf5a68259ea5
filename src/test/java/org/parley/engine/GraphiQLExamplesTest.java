package org.parley.engine;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** GraphiQL opens on the README's example queries: the first as the editor's query, each as a tab. */
@QuarkusTest
class GraphiQLExamplesTest {

    @Test
    void theStartUpScriptCarriesTheReadmeExamples() throws IOException {
        List<String> examples = GraphiQLExamples.queries(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
        assertEquals(3, examples.size(), "the README's example queries");
        String examplesJson = new ObjectMapper().writeValueAsString(examples);
        String script = given().get("/q/graphql-ui/render.js").then().statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("var examples = " + examplesJson + ";"))
                .body(containsString("var endpoint = \"/graphql\";"))
                .body(not(containsString("PARLEY_")))
                .extract().asString();
        assertEquals(script.indexOf(examplesJson), script.lastIndexOf(examplesJson), "the examples are filled in once");
    }

    /**
     * What the script relies on: SmallRye's page loads React, ReactDOM and GraphiQL before {@code render.js}, and has
     * the element GraphiQL is drawn in. An upgrade that changes the page fails here.
     */
    @Test
    void theUiPageStillLoadsGraphiQLBeforeTheStartUpScript() {
        String page = given().get("/q/graphql-ui/").then().statusCode(200).extract().asString();
        int react = page.indexOf("react.production.min.js");
        int reactDom = page.indexOf("react-dom.production.min.js");
        int graphiql = page.indexOf("graphiql.min.js");
        int render = page.indexOf("src=\"render.js\"");
        assertTrue(react >= 0 && reactDom > react && graphiql > reactDom && render > graphiql, page);
        assertTrue(page.contains("id=\"graphiql\""), page);
    }
}
