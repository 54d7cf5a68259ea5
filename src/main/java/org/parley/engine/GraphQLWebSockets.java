package org.parley.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.logging.Logger;

import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeAuthGraphQLTransportWSSubprotocolHandler;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.websocket.GraphQLWebSocketSession;
import io.smallrye.graphql.websocket.GraphQLWebsocketHandler;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;

/**
 * GraphQL over WebSocket ({@code graphql-transport-ws}) on SmallRye's protocol handler, with Parley's limits around
 * it; in place of Quarkus' own WebSocket route, which checks none of them.
 * <ul>
 * <li>Every {@code subscribe} document goes through the checks of the HTTP path first ({@code documentCheck}:
 * depth, tokens, aliases, fields, field merges); cost and page sizes are checked by the instrumentations as for any
 * request. A refusal is an {@code error} message with the limit's code.</li>
 * <li>At most {@code maxOperations} operations at once per connection, and {@code maxOperationsPerClient} across all
 * the sockets of one client (its token's subject, else its address); one more gets an {@code error} message with
 * code {@value #TOO_MANY_SUBSCRIPTIONS}. At most {@code maxSocketsPerClient} sockets open at once per client address
 * (as Quarkus reads it, from a trusted proxy's headers where configured); one more upgrade is answered 429 with the
 * same code.</li>
 * <li>A client that does not read: once the socket's write queue holds {@code maxQueuedBytes}, the connection is
 * closed with {@value #SLOW_CONSUMER_CLOSE} ({@code SLOW_CONSUMER}) rather than buffered without bound.</li>
 * <li>Admission control: each {@code subscribe} gets its own context entries from {@code admission} (a ticket,
 * charged with the operation's cost by the instrumentation as for HTTP: {@code RATE_LIMITED}); what it holds is
 * released when the socket closes.</li>
 * <li>{@link #closeAll()} (shutdown) closes every socket with 1012, "service restart": reconnect, to another
 * replica.</li>
 * <li>{@code connection_init}'s payload may carry the token ({@code authorizationPayloadName}, e.g.
 * {@code {"Authorization": "Bearer ..."}}), checked by Quarkus' handler as for HTTP.</li>
 * </ul>
 */
public final class GraphQLWebSockets extends SmallRyeGraphQLAbstractHandler {

    public static final String PROTOCOL = "graphql-transport-ws";
    public static final String TOO_MANY_SUBSCRIPTIONS = "TOO_MANY_SUBSCRIPTIONS";
    public static final short SLOW_CONSUMER_CLOSE = 4008;
    public static final short SHUTTING_DOWN_CLOSE = 1012;
    private static final short UNSUPPORTED_PROTOCOL_CLOSE = 4406;
    private static final Logger LOG = Logger.getLogger(GraphQLWebSockets.class);

    /** What one operation adds to its execution's context, and how to undo it once the socket has closed. */
    public record Admitted(Map<String, Object> context, Runnable release) {
    }

    private final Function<String, GraphQLError> documentCheck;
    private final Function<RoutingContext, Admitted> admission;
    private final Function<String, GraphQLError> tooMany;
    private final int maxOperations;
    private final int maxOperationsPerClient;
    private final int maxSocketsPerClient;
    private final Map<String, Integer> socketsPerClient = new ConcurrentHashMap<>();
    /** The connections that have subscribed, by client (subject or address): their operations count together. */
    private final Map<String, Set<Protocol>> connectionsPerClient = new ConcurrentHashMap<>();
    private final AtomicLong slowConsumerCloses = new AtomicLong();
    private final int maxQueuedBytes;
    private final Optional<String> authorizationPayloadName;
    private final Set<ServerWebSocket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    /**
     * @param documentCheck the error a document's text earns (null: none)
     * @param tooMany the error for a subscribe beyond {@code maxOperations}, given its message
     */
    public GraphQLWebSockets(CurrentIdentityAssociation identities, CurrentVertxRequest currentRequest,
            Function<String, GraphQLError> documentCheck, Function<RoutingContext, Admitted> admission,
            Function<String, GraphQLError> tooMany, int maxOperations, int maxOperationsPerClient,
            int maxSocketsPerClient, int maxQueuedBytes, Optional<String> authorizationPayloadName) {
        super(identities, currentRequest, false);
        this.documentCheck = documentCheck;
        this.admission = admission;
        this.tooMany = tooMany;
        this.maxOperations = maxOperations;
        this.maxOperationsPerClient = maxOperationsPerClient;
        this.maxSocketsPerClient = maxSocketsPerClient;
        this.maxQueuedBytes = maxQueuedBytes;
        this.authorizationPayloadName = authorizationPayloadName;
    }

    /** Whether a request asks for a WebSocket. */
    public static boolean isUpgrade(RoutingContext context) {
        return context.request().headers().contains("Upgrade", "websocket", true);
    }

    /** How many sockets are open. */
    public int openSockets() {
        return open.size();
    }

    /** How many sockets were closed with {@value #SLOW_CONSUMER_CLOSE} since the start. */
    public long slowConsumerCloses() {
        return slowConsumerCloses.get();
    }

    /** Closes every socket with 1012 and refuses new ones (503). */
    public void closeAll() {
        closing = true;
        open.forEach(socket -> socket.close(SHUTTING_DOWN_CLOSE, "SHUTTING_DOWN"));
    }

    @Override
    protected void doHandle(RoutingContext context) {
        if (closing) {
            context.response().putHeader("Retry-After", "1").setStatusCode(503).end();
            return;
        }
        String client = context.request().remoteAddress() == null ? "unknown"
                : context.request().remoteAddress().hostAddress();
        if (!openFor(client)) {
            GraphQLError error = tooMany.apply("This client already has " + maxSocketsPerClient
                    + " WebSockets open, the most allowed: close one first");
            context.response().setStatusCode(429).putHeader("Content-Type", "application/json; charset=utf-8")
                    .end(GraphQLExecution.errorBody(List.of(error), Map.of()));
            return;
        }
        Map<String, Object> metaData = getMetaData(context);
        context.request().toWebSocket().onComplete(upgrade -> {
            if (upgrade.failed()) {
                closedFor(client);
                LOG.debugf("WebSocket upgrade failed: %s", upgrade.cause());
                return;
            }
            ServerWebSocket socket = upgrade.result();
            if (!PROTOCOL.equals(socket.subProtocol())) {
                closedFor(client);
                socket.close(UNSUPPORTED_PROTOCOL_CLOSE, "Subprotocol not acceptable: use " + PROTOCOL);
                return;
            }
            socket.setWriteQueueMaxSize(maxQueuedBytes);
            open.add(socket);
            if (closing) {
                socket.close(SHUTTING_DOWN_CLOSE, "SHUTTING_DOWN");
            }
            GraphQLWebsocketHandler protocol = new Protocol(new Session(socket, slowConsumerCloses), metaData, context,
                    this);
            socket.closeHandler(ignored -> {
                closedFor(client);
                open.remove(socket);
                protocol.onClose();
            });
            socket.endHandler(ignored -> protocol.onEnd());
            socket.exceptionHandler(protocol::onThrowable);
            socket.textMessageHandler(protocol::onMessage);
        });
    }

    /** Counts a socket for the client, unless it has the most allowed. */
    private boolean openFor(String client) {
        boolean[] admitted = { false };
        socketsPerClient.compute(client, (key, count) -> {
            int open = count == null ? 0 : count;
            admitted[0] = open < maxSocketsPerClient;
            return admitted[0] ? open + 1 : count;
        });
        return admitted[0];
    }

    private void closedFor(String client) {
        socketsPerClient.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
    }

    /**
     * Whom a connection's operations count against: the subject of its token (from the upgrade request or
     * {@code connection_init}), else its address.
     */
    private static String clientOf(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            return "subject " + user.getSecurityIdentity().getPrincipal().getName();
        }
        return "address " + (context.request().remoteAddress() == null ? "unknown"
                : context.request().remoteAddress().hostAddress());
    }

    /** SmallRye's {@code graphql-transport-ws}, with the limits checked before a {@code subscribe} runs. */
    private final class Protocol extends SmallRyeAuthGraphQLTransportWSSubprotocolHandler {

        private final RoutingContext upgrade;
        private final List<Runnable> releases = new java.util.concurrent.CopyOnWriteArrayList<>();
        /** Set at the first subscribe, once connection_init has settled who the client is. */
        private volatile String client;

        Protocol(GraphQLWebSocketSession session, Map<String, Object> metaData, RoutingContext context,
                SmallRyeGraphQLAbstractHandler handler) {
            super(session, metaData, context, handler, authorizationPayloadName);
            this.upgrade = context;
        }

        @Override
        public void onClose() {
            super.onClose();
            releases.forEach(Runnable::run);
            String counted = client;
            if (counted != null) {
                connectionsPerClient.computeIfPresent(counted, (key, connections) -> {
                    connections.remove(this);
                    return connections.isEmpty() ? null : connections;
                });
            }
        }

        /** This client's connections, this one included (registered at the first call). */
        private Set<Protocol> peers() {
            if (client == null) {
                client = clientOf(upgrade);
            }
            return connectionsPerClient.compute(client, (key, connections) -> {
                Set<Protocol> peers = connections == null ? ConcurrentHashMap.newKeySet() : connections;
                peers.add(this);
                return peers;
            });
        }

        @Override
        protected void onMessage(JsonObject message) {
            if ("subscribe".equals(message.getString("type", null)) && connectionInitialized.get()
                    && message.get("id") instanceof jakarta.json.JsonString id
                    && !activeOperations.containsKey(id.getString())) {
                Set<Protocol> peers = peers();
                // the check and the operation's registration (in activeOperations, as it starts) go together
                synchronized (peers) {
                    subscribe(message, id.getString(), peers);
                }
                return;
            }
            super.onMessage(message);
        }

        private void subscribe(JsonObject message, String id, Set<Protocol> peers) {
            GraphQLError refusal = refusal(message, peers);
            if (refusal != null) {
                try {
                    sendErrorMessage(id, new ExecutionResponse(
                            ExecutionResultImpl.newExecutionResult().addError(refusal).build()));
                } catch (java.io.IOException e) {
                    session.close((short) 1011, "Write failed");
                }
                return;
            }
            // the execution's context is made from the connection's map as the operation starts
            Admitted admitted = admission.apply(upgrade);
            if (admitted != null) {
                releases.add(admitted.release());
                getContext().putAll(admitted.context());
            }
            try {
                super.onMessage(message);
            } finally {
                if (admitted != null) {
                    admitted.context().keySet().forEach(getContext()::remove);
                }
            }
        }

        private GraphQLError refusal(JsonObject message, Set<Protocol> peers) {
            if (activeOperations.size() >= maxOperations) {
                return tooMany.apply("This connection already runs " + maxOperations
                        + " operations, the most allowed: complete one first");
            }
            if (peers.stream().mapToInt(peer -> peer.activeOperations.size()).sum() >= maxOperationsPerClient) {
                return tooMany.apply("This client already runs " + maxOperationsPerClient
                        + " operations over its WebSockets, the most allowed: complete one first");
            }
            JsonValue payload = message.get("payload");
            if (payload instanceof JsonObject request
                    && request.get("query") instanceof jakarta.json.JsonString query) {
                return documentCheck.apply(query.getString());
            }
            return null; // SmallRye refuses a subscribe without a document
        }
    }

    /** The socket as SmallRye writes to it, bounded by the write queue. */
    private static final class Session implements GraphQLWebSocketSession {

        private final ServerWebSocket socket;
        private final AtomicLong slowConsumerCloses;

        Session(ServerWebSocket socket, AtomicLong slowConsumerCloses) {
            this.socket = socket;
            this.slowConsumerCloses = slowConsumerCloses;
        }

        @Override
        public void sendMessage(String message) {
            if (socket.isClosed()) {
                return;
            }
            if (socket.writeQueueFull()) {
                // the client reads slower than events come: end it rather than queue without bound
                slowConsumerCloses.incrementAndGet();
                socket.close(SLOW_CONSUMER_CLOSE, "SLOW_CONSUMER");
                return;
            }
            socket.writeTextMessage(message);
        }

        @Override
        public void close(short statusCode, String reason) {
            socket.close(statusCode, reason);
        }

        @Override
        public boolean isClosed() {
            return socket.isClosed();
        }
    }
}
