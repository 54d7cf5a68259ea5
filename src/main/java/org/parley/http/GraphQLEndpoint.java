package org.parley.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.parley.engine.DocumentWorkers;
import org.parley.engine.GraphQLWebSockets;
import org.parley.read.PageRequest;
import org.parley.limits.Admission;
import org.parley.limits.DocumentChecks;
import org.parley.limits.Limits;

import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.ParserOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Installs {@link GraphQLHttpHandler} on {@code /graphql}, ahead of SmallRye's route (which then never sees a
 * request) and of Quarkus' body-size check, so that an oversized body gets a GraphQL answer too: status 413, code
 * {@code MAX_BODY_SIZE}. Each {@link FixedOperation} bean gets a route of its own, served by the same handler.
 */
@ApplicationScoped
public class GraphQLEndpoint {

    static final String PATH = "/graphql";
    private static final Logger LOG = Logger.getLogger(GraphQLEndpoint.class);

    /** A plain object, not a bean: the handler still uses it while CDI shuts down. */
    private final InFlightRequests inFlight = new InFlightRequests();
    /** The WebSocket side of {@code /graphql} (subscriptions); set once the router is there. */
    private volatile GraphQLWebSockets webSockets;

    void install(@Observes Router router, Limits limits, Admission admission, DocumentWorkers workers,
            MeterRegistry registry,
            CurrentVertxRequest currentRequest, Instance<CurrentIdentityAssociation> identities,
            Instance<FixedOperation> operations) {
        // below the defaults, every list or page asked for without first would be refused
        if (limits.maxPageSize() < PageRequest.DEFAULT_LIST_FIRST || limits.maxPageSize() > PageRequest.MAX_FIRST) {
            throw new IllegalStateException("parley.limits.max-page-size must be between " + PageRequest.DEFAULT_LIST_FIRST
                    + " (what a list without first returns) and " + PageRequest.MAX_FIRST
                    + " (the most a page is read with), was " + limits.maxPageSize());
        }
        // graphql-java and SmallRye parse the document again: with the same limits on tokens and characters
        ParserOptions.setDefaultOperationParserOptions(DocumentChecks.parserOptions(limits));

        long maxBody = limits.maxBodySize().asLongValue();
        RefusalLog refusals = new RefusalLog(registry);
        CurrentIdentityAssociation identity = identities.isResolvable() ? identities.get() : null;
        GraphQLHttpHandler handler = new GraphQLHttpHandler(limits, refusals, inFlight, admission, workers, identity,
                currentRequest);
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(maxBody);
        installWebSockets(router, limits, refusals, registry, identity, currentRequest, context -> {
            Admission.Ticket ticket = admission.ticket(handler.client(context));
            return ticket == null ? null
                    : new GraphQLWebSockets.Admitted(Map.of(Admission.TICKET, ticket), ticket::release);
        });
        install(router, PATH, handler, bodies, refusals, maxBody);
        for (FixedOperation operation : operations) {
            install(router, operation.path(), new GraphQLHttpHandler(limits, refusals, inFlight, admission, workers,
                    identity, currentRequest, operation), bodies, refusals, maxBody);
        }
    }

    /**
     * The route of {@code handler} on {@code path}: the body read up to the limit first, and a body over it answered
     * 413 with a GraphQL error.
     */
    private static void install(Router router, String path, GraphQLHttpHandler handler, BodyHandler bodies,
            RefusalLog refusals, long maxBody) {
        router.route(path).order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(context -> {
                    context.request().resume();
                    bodies.handle(context);
                })
                .handler(handler)
                .failureHandler(context -> {
                    if (context.statusCode() != 413 || context.response().ended()) {
                        context.next();
                        return;
                    }
                    GraphQLError error = DocumentChecks.error("The body is larger than " + maxBody + " bytes",
                            Limits.MAX_BODY_SIZE, null);
                    refusals.refused(error, System.nanoTime());
                    context.response().setStatusCode(413)
                            .putHeader(HttpHeaders.CONTENT_TYPE,
                                    GraphQLHttpHandler.responseMediaType(context) + "; charset=utf-8")
                            // the rest of the body is not read: the connection cannot serve another request
                            .putHeader(HttpHeaders.CONNECTION, "close")
                            .end(Buffer.buffer(handler.body(List.of(error)), StandardCharsets.UTF_8.name()));
                });
    }

    /**
     * Upgrade requests on {@code /graphql} go to {@link GraphQLWebSockets}, ahead of the HTTP handler and of Quarkus'
     * own WebSocket route: the documents of {@code subscribe} messages get the same checks as HTTP requests.
     */
    private void installWebSockets(Router router, Limits limits, RefusalLog refusals, MeterRegistry registry,
            CurrentIdentityAssociation identities, CurrentVertxRequest currentRequest,
            Function<RoutingContext, GraphQLWebSockets.Admitted> admission) {
        Config config = ConfigProvider.getConfig();
        DocumentChecks checks = new DocumentChecks(limits);
        int largest = config.getValue("parley.documents.worker-threshold", Integer.class);
        GraphQLWebSockets sockets = new GraphQLWebSockets(identities, currentRequest, query -> {
            if (query.length() > largest) {
                // over HTTP such a document is checked on a document worker; a subscribe message is handled on the
                // event loop, and a subscription needs no more than a few fields
                GraphQLError error = DocumentChecks.error("A subscription document may have at most " + largest
                        + " characters (this one has " + query.length() + ")", Limits.MAX_DOCUMENT_LENGTH, null);
                refusals.refused(error, System.nanoTime());
                return new GraphQLWebSockets.Checked(error, null);
            }
            DocumentChecks.Checked checked = checks.check(query);
            GraphQLError error = checked.error();
            if (error == null && !onlySubscriptions(checked.document())) {
                // queries and mutations go over HTTP, where the request deadline and admission control apply
                error = DocumentChecks.error("Only subscriptions are served over WebSocket: send queries and"
                        + " mutations over HTTP", GraphQLHttpHandler.BAD_REQUEST, null);
            }
            if (error != null) {
                refusals.refused(error, System.nanoTime());
            }
            return new GraphQLWebSockets.Checked(error, checked.document());
        }, admission, (message, code) -> DocumentChecks.error(message, code, null),
                config.getValue("parley.live.max-operations-per-connection", Integer.class),
                config.getValue("parley.live.max-subscriptions-per-client", Integer.class),
                config.getValue("parley.live.max-sockets-per-client", Integer.class),
                Math.toIntExact(config.getValue("parley.live.max-queued-bytes", MemorySize.class).asLongValue()),
                config.getValue("parley.live.subscriber-buffer", Integer.class),
                config.getOptionalValue("quarkus.smallrye-graphql.authorization-client-init-payload-name",
                        String.class));
        webSockets = sockets;
        registry.gauge("parley.live.sockets", sockets, GraphQLWebSockets::openSockets);
        registry.gauge("parley.live.subscriptions", sockets, GraphQLWebSockets::subscriptions);
        registry.gauge("parley.live.executions", sockets, GraphQLWebSockets::executions);
        registry.more().counter("parley.live.slow.consumer.closes", io.micrometer.core.instrument.Tags.empty(), sockets,
                GraphQLWebSockets::slowConsumerCloses);
        // ahead of Quarkus' GraphQL WebSocket route (order -99), after its security handlers
        router.route(PATH).order(-100).handler(context -> {
            if (GraphQLWebSockets.isUpgrade(context)) {
                sockets.handle(context);
            } else {
                context.next();
            }
        });
    }

    private static boolean onlySubscriptions(Document document) {
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .allMatch(operation -> operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION);
    }

    private void closeWebSockets() {
        GraphQLWebSockets sockets = webSockets;
        if (sockets != null) {
            sockets.closeAll();
        }
    }

    /**
     * SIGTERM with {@code quarkus.shutdown.delay}: readiness is DOWN and requests are still served for the delay, while
     * load balancers stop sending here; new requests are refused once it is over.
     */
    void shutdownDelayStarted(@Observes ShutdownDelayInitiatedEvent event) {
        Duration delay = ConfigProvider.getConfig().getOptionalValue("quarkus.shutdown.delay", Duration.class)
                .orElse(Duration.ZERO);
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.close();
            closeWebSockets();
        }, "parley-shutdown-delay");
        closer.setDaemon(true);
        closer.start();
    }

    /**
     * Shutdown proper: new requests are refused, and the executions still running (a timed-out write rolling back)
     * get up to the request timeout and a margin to end, at most {@code quarkus.shutdown.timeout}.
     */
    void shuttingDown(@Observes @Priority(1) ShutdownEvent event, Limits limits) throws InterruptedException {
        inFlight.close();
        closeWebSockets();
        int running = inFlight.running();
        if (running > 0) {
            LOG.infof("Waiting for %d GraphQL requests to end", running);
        }
        Duration shutdownTimeout = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.shutdown.timeout", Duration.class).orElse(Duration.ofSeconds(20));
        Duration bound = limits.requestTimeout().plusSeconds(2);
        if (!inFlight.awaitIdle(bound.compareTo(shutdownTimeout) < 0 ? bound : shutdownTimeout)) {
            LOG.warnf("%d GraphQL requests still running at shutdown", inFlight.running());
        }
    }
}
