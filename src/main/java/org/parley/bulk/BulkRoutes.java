package org.parley.bulk;

import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.parley.errors.DatabaseErrors;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /import} (JSON Lines in, the report out; role editor or admin) and {@code GET /export} (JSON Lines
 * out; open like the reads). Both stream: the file is read from the connection as the import consumes it, and the
 * export is written as the rows are read. Refusals have the body of a GraphQL error, with the same codes.
 */
@ApplicationScoped
public class BulkRoutes {

    private static final Logger LOG = Logger.getLogger(BulkRoutes.class);
    static final String JSON_LINES = "application/x-ndjson";
    private static final Set<String> IMPORT_TYPES = Set.of(JSON_LINES, "text/plain");

    static final String TOO_MANY_EXPORTS = "TOO_MANY_EXPORTS";
    /** Seconds a refused export or import is told to wait before it tries again. */
    private static final String RETRY_SECONDS = "10";

    private final BulkService bulk;
    /**
     * Exports running at once: each holds a JDBC connection (of the pool's five) and a worker thread for as long as
     * its client reads, so further ones are refused rather than left to take every connection.
     */
    private final Semaphore exports;
    private final int maxExports;
    /** How long an export may hold its connection, however slowly its client reads. */
    private final Duration exportTimeout;

    BulkRoutes(BulkService bulk,
            @ConfigProperty(name = "parley.bulk.max-concurrent-exports", defaultValue = "2") int maxExports,
            @ConfigProperty(name = "parley.bulk.export-timeout", defaultValue = "2m") Duration exportTimeout) {
        this.bulk = bulk;
        this.maxExports = maxExports;
        this.exports = new Semaphore(maxExports);
        this.exportTimeout = exportTimeout;
    }

    void install(@Observes Router router) {
        // after authentication, but before Quarkus' limit on request bodies (which holds for GraphQL requests):
        // an import file is read as a stream and may be much larger
        router.post("/import").order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::importFile);
        router.get("/export").handler(this::export);
    }

    private void importFile(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        request.pause(); // until the caller is known to be allowed
        Context context = routing.vertx().getOrCreateContext();
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !IMPORT_TYPES.contains(type.split(";")[0].strip().toLowerCase(Locale.ROOT))) {
            refuse(routing, 415, "UNSUPPORTED_MEDIA_TYPE", "Send the file as " + JSON_LINES + " or text/plain");
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(routing, null).subscribe().with(
                identity -> context.runOnContext(ignored -> authorized(routing, identity)),
                failure -> context.runOnContext(ignored -> refuse(routing, 401, "UNAUTHENTICATED",
                        "The bearer token is not valid (forged, expired or malformed)")));
    }

    private void authorized(RoutingContext routing, SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            refuse(routing, 401, "UNAUTHENTICATED", "An import needs a bearer token with the role editor");
        } else if (!identity.hasRole("editor") && !identity.hasRole("admin")) {
            refuse(routing, 403, "FORBIDDEN", "An import needs the role editor");
        } else {
            String subject = identity.getPrincipal().getName();
            HttpServerRequest request = routing.request();
            Context context = routing.vertx().getOrCreateContext();
            if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
                routing.response().writeContinue();
            }
            RequestBodyStream body = new RequestBodyStream(request);
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                try {
                    ImportReport report = bulk.importLines(new InputStreamReader(body, StandardCharsets.UTF_8),
                            subject);
                    LOG.infof("Import by %s: %d lines, %d created, %d updated, %d unchanged, %d rejected%s", subject,
                            report.lines, report.created, report.updated, report.unchanged, report.rejected,
                            report.committed ? "" : ": rolled back");
                    String json = LineKind.MAPPER.writeValueAsString(report);
                    context.runOnContext(ignored -> reply(routing, report.committed ? 200 : 422, json));
                } catch (Exception | AssertionError e) {
                    // an AssertionError too (a driver's, when assertions are on): whatever failed, the client gets
                    // its answer
                    failed(routing, context, body, e);
                }
            });
        }
    }

    /**
     * An import that failed part-way (its transaction rolled back) gets an error with a code: BAD_REQUEST when the
     * body broke off, DATABASE_UNAVAILABLE (503, to retry) when the database went away, else INTERNAL_SERVER_ERROR.
     * The client may still be sending: the answer goes out at once, and the rest of the body is read and thrown
     * away, since closing a connection with unread data resets it, and the client could lose the answer.
     */
    private static void failed(RoutingContext routing, Context context, RequestBodyStream body, Throwable failure) {
        if (body.broken()) {
            LOG.warnf("Import abandoned: the request body broke off (%s); nothing was imported", failure.getMessage());
            context.runOnContext(ignored -> error(routing, 400, "BAD_REQUEST",
                    "The request body broke off before its end: nothing was imported"));
            return;
        }
        if (DatabaseErrors.UNAVAILABLE.equals(DatabaseErrors.codeOf(failure))) {
            // an outage or a full pool, not a bug: one line, no stack
            LOG.warnf("Import failed, the database is unavailable (%s); nothing was imported", failure.toString());
            context.runOnContext(ignored -> {
                routing.response().putHeader(HttpHeaders.RETRY_AFTER, RETRY_SECONDS);
                error(routing, 503, DatabaseErrors.UNAVAILABLE,
                        "The database became unavailable during the import: nothing was imported; try again later");
            });
        } else {
            LOG.error("Import failed; nothing was imported", failure);
            context.runOnContext(ignored -> error(routing, 500, "INTERNAL_SERVER_ERROR",
                    "Server Error: nothing was imported"));
        }
        body.discardRest();
    }

    private void export(RoutingContext routing) {
        HttpServerResponse response = routing.response();
        Context context = routing.vertx().getOrCreateContext();
        if (!exports.tryAcquire()) {
            LOG.infof("Export refused: %d exports are running", maxExports);
            response.putHeader(HttpHeaders.RETRY_AFTER, RETRY_SECONDS);
            error(routing, 503, TOO_MANY_EXPORTS,
                    "Too many exports are running (at most " + maxExports + " at once); try again later");
            return;
        }
        long deadline = System.nanoTime() + exportTimeout.toNanos();
        response.setChunked(true).putHeader(HttpHeaders.CONTENT_TYPE, JSON_LINES + "; charset=utf-8");
        try {
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                try {
                    export(routing, context, deadline);
                } finally {
                    exports.release();
                }
            });
        } catch (RejectedExecutionException e) {
            exports.release();
            throw e;
        }
    }

    private void export(RoutingContext routing, Context context, long deadline) {
        HttpServerResponse response = routing.response();
        ResponseStream out = new ResponseStream(response, context, deadline);
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            bulk.export(writer, exportTimeout);
            writer.flush();
            out.end();
        } catch (ResponseStream.Aborted e) {
            // the client's doing (gone, or too slow): the transaction is over and its connection back in the pool
            LOG.infof("Export aborted: %s", e.getMessage());
            context.runOnContext(ignored -> response.reset());
        } catch (Exception e) {
            String code = DatabaseErrors.codeOf(e);
            if (DatabaseErrors.UNAVAILABLE.equals(code) || DatabaseErrors.TIMEOUT.equals(code)) {
                LOG.warnf("Export failed, the database is unavailable or too slow (%s)", e.toString());
            } else {
                LOG.error("Export failed", e);
            }
            if (out.sent()) {
                // the status is gone: cut the connection, so that the client sees an incomplete transfer
                context.runOnContext(ignored -> response.reset());
            } else if (DatabaseErrors.UNAVAILABLE.equals(code)) {
                context.runOnContext(ignored -> {
                    response.putHeader(HttpHeaders.RETRY_AFTER, RETRY_SECONDS);
                    refuse(routing, 503, DatabaseErrors.UNAVAILABLE,
                            "The database is unavailable or has no free connection; try again later");
                });
            } else if (DatabaseErrors.TIMEOUT.equals(code)) {
                context.runOnContext(ignored -> refuse(routing, 504, DatabaseErrors.TIMEOUT,
                        "The database did not answer in time"));
            } else {
                context.runOnContext(ignored -> refuse(routing, 500, "INTERNAL_SERVER_ERROR", "Server Error"));
            }
        }
    }

    /** A refusal before the body is read: the connection is closed after the answer. */
    private static void refuse(RoutingContext routing, int status, String code, String message) {
        HttpServerResponse response = routing.response();
        if (response.headWritten()) {
            return; // a token that fails verification was answered by security.AuthenticationFailureHandler
        }
        if (status == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        if (!routing.request().isEnded()) {
            response.putHeader(HttpHeaders.CONNECTION, "close"); // the body was not read
        }
        error(routing, status, code, message);
    }

    /** An answer with the body of a GraphQL error. */
    private static void error(RoutingContext routing, int status, String code, String message) {
        JsonObject error = new JsonObject().put("message", message)
                .put("extensions", new JsonObject().put("code", code));
        reply(routing, status, new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }

    private static void reply(RoutingContext routing, int status, String json) {
        HttpServerResponse response = routing.response();
        if (!response.ended() && !response.closed()) {
            response.setChunked(false).setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(json);
        }
    }
}
