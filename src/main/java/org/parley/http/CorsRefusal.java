package org.parley.http;

import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.util.List;
import java.util.Locale;
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
 * allowed by {@code *}, and an origin with the request's own host (Quarkus' same-origin check, which compares scheme
 * and port too, decides those), all go on to Quarkus' filter.
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
     * Whether the origin's host is the request's (the Host header, without its port): it may then be the service's
     * own origin, which Quarkus' same-origin check allows, comparing scheme and port as well. An origin whose host
     * cannot be read is compared as text.
     */
    private static boolean mayBeSameOrigin(HttpServerRequest request, String origin) {
        String host = request.host();
        if (host == null) {
            return true;
        }
        int port = host.lastIndexOf(':');
        if (port > host.lastIndexOf(']')) {
            host = host.substring(0, port);
        }
        String originHost = null;
        try {
            originHost = URI.create(origin).getHost();
        } catch (IllegalArgumentException unreadable) {
            // compared as text below
        }
        return originHost != null ? originHost.equalsIgnoreCase(host)
                : origin.toLowerCase(Locale.ROOT).contains(host.toLowerCase(Locale.ROOT));
    }
}
