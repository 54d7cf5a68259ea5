package org.parley.http;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.parley.errors.ErrorCodes;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Clients that send slowly or go away (issue 12, item 7):
 * <ul>
 * <li>a request whose body has not arrived within {@code parley.http.body-timeout} gets 408 with code
 * {@value #REQUEST_TIMEOUT}, and its connection is closed. {@code /import} is exempt: it streams files of any size
 * from an authenticated editor, who may be on a slow link; {@code /export} has no body and is bounded by its own
 * deadline. Connections that send nothing at all are closed by {@code quarkus.http.idle-timeout}.</li>
 * <li>a request whose client closed the connection before its answer is the client's doing: one INFO line, no stack
 * trace (Quarkus' error handler logged each as an ERROR with its stack).</li>
 * </ul>
 */
@ApplicationScoped
public class SlowClients {

    private static final Logger LOG = Logger.getLogger(SlowClients.class);
    public static final String REQUEST_TIMEOUT = "REQUEST_TIMEOUT";
    /** Streams of their own: see the class comment. */
    private static final Set<String> EXEMPT = Set.of("/import", "/export");
    private static final String ANSWERED = SlowClients.class.getName() + ".answered";
    /** How often an awaited body is looked at: how long an answered request may hold its connection at most. */
    static final long CHECK_EVERY_MILLIS = 250;

    /** Requests whose body is still awaited: each holds its connection until its watch ends. */
    private final AtomicInteger watched = new AtomicInteger();

    void install(@Observes Router router, MeterRegistry registry,
            @ConfigProperty(name = "parley.http.body-timeout", defaultValue = "30s") Duration bodyTimeout) {
        long millis = bodyTimeout.toMillis();
        registry.gauge("parley.http.bodies.awaited", watched);
        // first of all routes, before any body is read; the failure handler is the first to see a failure too
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            if (millis > 0 && !context.request().isEnded() && !EXEMPT.contains(context.request().path())) {
                watch(context, millis, registry);
            }
            context.next();
        }).failureHandler(SlowClients::failed);
    }

    /**
     * Looks at the request every {@link #CHECK_EVERY_MILLIS} (or sooner for a shorter timeout) until its body has
     * arrived or its answer has begun, and answers 408 once the timeout has passed. One timer for the whole timeout,
     * cancelled from the routing context's end handler, kept every answered connection for the full 30 s (the end
     * handler did not run for them): at 800 requests a second, 24,000 closed connections and their buffers filled a
     * 614 MB heap (bench/abuse.sh, 2026-12-07). A short periodic check frees them within a tick whatever ends them.
     */
    private void watch(RoutingContext context, long millis, MeterRegistry registry) {
        long started = System.nanoTime();
        watched.incrementAndGet();
        context.vertx().setPeriodic(Math.min(millis, CHECK_EVERY_MILLIS), timer -> {
            HttpServerRequest request = context.request();
            HttpServerResponse response = context.response();
            boolean settled = request.isEnded() || response.headWritten() || response.closed();
            boolean late = !settled && (System.nanoTime() - started) / 1_000_000 >= millis;
            if (settled || late) {
                context.vertx().cancelTimer(timer);
                watched.decrementAndGet();
            }
            if (late) {
                bodyLate(context, millis, registry);
            }
        });
    }

    /** Visible for tests: requests whose body is still awaited. */
    public int bodiesAwaited() {
        return watched.get();
    }

    /** The body is late (neither read whole nor answered by a handler that never reads it, such as a static file). */
    private static void bodyLate(RoutingContext context, long millis, MeterRegistry registry) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        LOG.infof("Request body not received within %d ms: %s %s from %s; answered 408", millis, request.method(),
                request.path(), request.remoteAddress());
        ErrorCodes.count(registry, REQUEST_TIMEOUT);
        context.put(ANSWERED, true);
        JsonObject error = new JsonObject()
                .put("message", "The request body did not arrive within " + millis / 1000 + " s")
                .put("extensions", new JsonObject().put("code", REQUEST_TIMEOUT));
        response.setStatusCode(408).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                // the rest of the body will not be read: the connection cannot serve another request
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode())
                .onComplete(ignored -> request.connection().close());
    }

    /** A failure because the connection is gone: logged in a line, nothing to answer. Others go on. */
    private static void failed(RoutingContext context) {
        if (!gone(context)) {
            context.next();
            return;
        }
        // a reset fails the request twice (the socket's error, then the closed connection): one line
        if (context.get(ANSWERED) == null) {
            context.put(ANSWERED, true);
            LOG.infof("The client closed the connection before its answer: %s %s from %s (%s)",
                    context.request().method(), context.request().path(), context.request().remoteAddress(),
                    context.failure() == null ? "closed" : context.failure().toString());
        }
    }

    private static boolean gone(RoutingContext context) {
        if (context.response().closed()) {
            return true;
        }
        for (Throwable t = context.failure(); t != null; t = t.getCause()) {
            if (t instanceof HttpClosedException || t instanceof ClosedChannelException
                    || (t instanceof IOException && t.getMessage() != null
                            && (t.getMessage().contains("Connection reset") || t.getMessage().contains("Broken pipe")))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
