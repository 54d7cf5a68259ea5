package org.parley.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * GraphiQL ({@code /q/graphql-ui/}) opens on the README's example queries, one tab each, instead of an empty editor.
 * SmallRye's UI page loads React, GraphiQL and then {@code render.js}, which starts GraphiQL with no setting for a
 * default query or tabs: this route serves Parley's own start-up script ({@code graphiql/render.js}) under that
 * name, with the examples filled in. What it relies on is the page's loading order (hence this package);
 * {@code GraphiQLExamplesTest} checks it.
 */
@ApplicationScoped
public class GraphiQLExamples {

    /** The README, packaged by the build (pom.xml: resources). */
    static final String README = "parley/README.md";
    static final String SCRIPT = "graphiql/render.js";

    private static final Logger LOG = Logger.getLogger(GraphiQLExamples.class);
    private static final Pattern GRAPHQL_BLOCK = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q") String nonApplication,
            @ConfigProperty(name = "quarkus.smallrye-graphql.ui.root-path", defaultValue = "graphql-ui") String ui,
            @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql") String endpoint) {
        String readme = resource(README);
        List<String> examples = readme == null ? List.of() : queries(readme);
        if (examples.isEmpty()) {
            // SmallRye's own script stays: GraphiQL opens on an empty editor
            LOG.infof("No example queries in %s: GraphiQL opens on an empty editor", README);
            return;
        }
        String script = script(resource(SCRIPT), examples, "/" + strip(endpoint));
        router.get("/" + strip(nonApplication) + "/" + strip(ui) + "/render.js").order(-1)
                .handler(context -> context.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/javascript; charset=utf-8")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                        .end(script));
    }

    /** The {@code graphql} code blocks of a Markdown text, in order. */
    public static List<String> queries(String markdown) {
        List<String> queries = new ArrayList<>();
        Matcher block = GRAPHQL_BLOCK.matcher(markdown);
        while (block.find()) {
            queries.add(block.group(1));
        }
        return queries;
    }

    static String script(String template, List<String> examples, String endpoint) {
        return template.replace("PARLEY_EXAMPLES", json(examples)).replace("PARLEY_ENDPOINT", json(endpoint));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }

    private static String resource(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
