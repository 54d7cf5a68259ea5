package org.parley.http;

import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.limits.DocumentChecks;
import org.parley.limits.Limits;

import graphql.GraphQLError;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.cors.CORSFilter;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * A request from an origin that the CORS allow-list ({@code quarkus.http.cors.origins}) refuses gets a body that says
 * so: 403 with a GraphQL error whose code is {@code CORS_ORIGIN_REFUSED}, where Quarkus' CORS filter would answer an
 * empty 403. A filter just ahead of Quarkus' answers the requests that Quarkus is sure to refuse, and leaves every
 * other request to it, so that it stays the one that decides: an origin listed, matched by a {@code /regex/} entry or
 * allowed by {@code *}, and an origin that is the service's own (same host and port: Quarkus' same-origin check), all
 * go on to Quarkus' filter.
 */
@ApplicationScoped
public class CorsRefusal {

    static final String CODE = "CORS_ORIGIN_REFUSED";
    /** Quarkus' CORS filter has priority 300 (VertxHttpProcessor); a higher priority runs first. */
    private static final int BEFORE_QUARKUS_CORS = 301;

    void install(@Observes Filters filters, Limits limits, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.http.cors.enabled") boolean enabled,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        if (!enabled) {
            return;
        }
        List<String> listed = origins.orElse(List.of());
        List<Pattern> patterns = CORSFilter.parseAllowedOriginsRegex(origins);
        RefusalLog refusals = new RefusalLog(registry);
        long maxCost = limits.maxCost();
        filters.register(context -> {
            String origin = context.request().getHeader(HttpHeaders.ORIGIN);
            if (origin == null || listed.contains("*") || listed.contains(origin)
                    || CORSFilter.isOriginAllowedByRegex(patterns, origin) || mayBeSameOrigin(context.request(), origin)) {
                context.next();
                return;
            }
            long start = System.nanoTime();
            GraphQLError error = DocumentChecks.error("This origin is not in the service's CORS allow-list: a browser"
                    + " page served from it may not call this API", CODE, null);
            refusals.refused(error, start);
            String mediaType = GraphQLHttpHandler.responseMediaType(context);
            context.response().setStatusCode(403)
                    .putHeader(HttpHeaders.CONTENT_TYPE, mediaType + "; charset=utf-8")
                    .end(Buffer.buffer(GraphQLHttpHandler.body(List.of(error), maxCost),
                            StandardCharsets.UTF_8.name()));
        }, BEFORE_QUARKUS_CORS);
    }

    /**
     * Whether the origin may be the service's own, as Quarkus' same-origin check decides it: no path, the same
     * scheme and host as the request's absolute URI, and the same port once the default ports of http (80) and https
     * (443) are filled in. Those requests go on to Quarkus, which allows them. A request whose own URI cannot be read goes on too.
     */
    private static boolean mayBeSameOrigin(HttpServerRequest request, String origin) {
        String absolute = request.absoluteURI();
        if (absolute == null) {
            return true;
        }
        URI requested;
        URI from;
        try {
            requested = URI.create(absolute);
            from = URI.create(origin);
        } catch (IllegalArgumentException unreadable) {
            return false; // Quarkus refuses a malformed origin as well
        }
        return (from.getPath() == null || from.getPath().isEmpty()) && from.getHost() != null
                && from.getHost().equalsIgnoreCase(requested.getHost()) && port(from) == port(requested)
                && String.valueOf(from.getScheme()).equalsIgnoreCase(requested.getScheme());
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
    }
}
