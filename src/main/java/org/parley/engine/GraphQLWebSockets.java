package org.parley.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.jboss.logging.Logger;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.NullValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.Value;
import graphql.language.VariableReference;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeAuthGraphQLTransportWSSubprotocolHandler;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
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
 * <li>Subscribers of the same request (document, variables, cursor) as the same reader share one execution on this
 * replica ({@link SharedSubscriptions}): each event is executed and serialized once, then framed per operation id.</li>
 * <li>{@link #closeAll()} (shutdown) closes every socket with 1012, "service restart": reconnect, to another
 * replica.</li>
 * <li>{@code connection_init}'s payload may carry the token ({@code authorizationPayloadName}, e.g.
 * {@code {"Authorization": "Bearer ..."}}), checked by Quarkus' handler as for HTTP.</li>
 * </ul>
 */
public final class GraphQLWebSockets extends SmallRyeGraphQLAbstractHandler {

    public static final String PROTOCOL = "graphql-transport-ws";
    public static final String TOO_MANY_SUBSCRIPTIONS = "TOO_MANY_SUBSCRIPTIONS";
    public static final String BAD_REQUEST = "BAD_REQUEST";
    public static final short SLOW_CONSUMER_CLOSE = 4008;
    public static final short SHUTTING_DOWN_CLOSE = 1012;
    private static final short UNSUPPORTED_PROTOCOL_CLOSE = 4406;
    private static final Logger LOG = Logger.getLogger(GraphQLWebSockets.class);

    /** What one operation adds to its execution's context, and how to undo it once the socket has closed. */
    public record Admitted(Map<String, Object> context, Runnable release) {
    }

    /** A {@code subscribe} document's check: the error it earns (null: none), and the document parsed. */
    public record Checked(GraphQLError error, Document document) {
    }

    private final Function<String, Checked> documentCheck;
    private final Function<RoutingContext, Admitted> admission;
    private final BiFunction<String, String, GraphQLError> refusal;
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
    private final SharedSubscriptions shared;
    private volatile boolean closing;

    /**
     * @param documentCheck the check of a document's text
     * @param refusal the error for a refused subscribe, given its message and code
     * @param maxReplayKept the most events a stream replaying from a cursor keeps for subscribers who join it
     */
    public GraphQLWebSockets(CurrentIdentityAssociation identities, CurrentVertxRequest currentRequest,
            Function<String, Checked> documentCheck, Function<RoutingContext, Admitted> admission,
            BiFunction<String, String, GraphQLError> refusal, int maxOperations, int maxOperationsPerClient,
            int maxSocketsPerClient, int maxQueuedBytes, int maxReplayKept, Optional<String> authorizationPayloadName) {
        super(identities, currentRequest, false);
        this.documentCheck = documentCheck;
        this.admission = admission;
        this.refusal = refusal;
        // a stream that replays keeps, for subscribers who join it, at most as many events as a subscriber may lag
        this.shared = new SharedSubscriptions(maxReplayKept);
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

    /** How many subscriptions receive events (their execution, shared or not, is streaming). */
    public int subscriptions() {
        return shared.streamingSubscribers();
    }

    /** How many subscription executions run: one per distinct shared request, one per unshared subscription. */
    public int executions() {
        return shared.runningStreams();
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
            GraphQLError error = refusal.apply("This client already has " + maxSocketsPerClient
                    + " WebSockets open, the most allowed: close one first", TOO_MANY_SUBSCRIPTIONS);
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
        /** This connection's running operations, by id. */
        private final Map<String, Following> following = new ConcurrentHashMap<>();
        /** Set at the first subscribe, once connection_init has settled who the client is. */
        private volatile String client;

        Protocol(GraphQLWebSocketSession session, Map<String, Object> metaData, RoutingContext context,
                SmallRyeGraphQLAbstractHandler handler) {
            super(session, metaData, context, handler, authorizationPayloadName);
            this.upgrade = context;
        }

        @Override
        public void onClose() {
            following.values().forEach(Following::leave);
            following.clear();
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
            String type = message == null ? null : message.getString("type", null);
            if ("subscribe".equals(type) && connectionInitialized.get()
                    && message.get("id") instanceof JsonString id
                    && !activeOperations.containsKey(id.getString())) {
                Set<Protocol> peers = peers();
                // the check and the operation's registration (in activeOperations) go together
                synchronized (peers) {
                    subscribe(message, id.getString(), peers);
                }
                return;
            }
            if ("complete".equals(type) && message.get("id") instanceof JsonString id) {
                Following operation = following.remove(id.getString());
                if (operation != null) {
                    operation.leave();
                }
            }
            super.onMessage(message);
        }

        private void subscribe(JsonObject message, String id, Set<Protocol> peers) {
            Checked checked = check(message, peers);
            if (checked.error() != null) {
                try {
                    sendErrorMessage(id, new ExecutionResponse(
                            ExecutionResultImpl.newExecutionResult().addError(checked.error()).build()));
                } catch (java.io.IOException e) {
                    session.close((short) 1011, "Write failed");
                }
                return;
            }
            JsonObject payload = message.getJsonObject("payload");
            // counted by the caps from now on, and a repeated id is refused as SmallRye refuses it
            activeOperations.put(id, FOLLOWING);
            Following operation = new Following(id);
            following.put(id, operation);
            Sharing sharing = sharing(checked.document(), payload.getString("operationName", null),
                    payload.get("variables") instanceof JsonObject variables ? variables : JsonValue.EMPTY_JSON_OBJECT);
            String key = sharing == Sharing.NONE ? null : reader() + '\u0000' + payload;
            operation.stream = shared.join(key, sharing == Sharing.REPLAY, operation, writer -> execute(payload, writer));
        }

        /** Starts the request's execution; its result (a stream of events) goes to {@code writer}. */
        private void execute(JsonObject payload, ExecutionResponseWriter writer) {
            // the execution's context is made from the connection's map as the operation starts
            Admitted admitted = admission.apply(upgrade);
            if (admitted != null) {
                releases.add(admitted.release());
                getContext().putAll(admitted.context());
            }
            try {
                executionService.executeAsync(payload, getContext(), writer);
            } finally {
                if (admitted != null) {
                    admitted.context().keySet().forEach(getContext()::remove);
                }
            }
        }

        /**
         * Who reads, as far as what a subscription may see depends on it: the subject and roles of the token, or
         * anonymous. Subscribers share an execution only as the same reader.
         */
        private String reader() {
            if (upgrade.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
                return user.getSecurityIdentity().getPrincipal().getName() + " "
                        + new java.util.TreeSet<>(user.getSecurityIdentity().getRoles());
            }
            return "anonymous";
        }

        private Checked check(JsonObject message, Set<Protocol> peers) {
            if (activeOperations.size() >= maxOperations) {
                return new Checked(refusal.apply("This connection already runs " + maxOperations
                        + " operations, the most allowed: complete one first", TOO_MANY_SUBSCRIPTIONS), null);
            }
            if (peers.stream().mapToInt(peer -> peer.activeOperations.size()).sum() >= maxOperationsPerClient) {
                return new Checked(refusal.apply("This client already runs " + maxOperationsPerClient
                        + " operations over its WebSockets, the most allowed: complete one first",
                        TOO_MANY_SUBSCRIPTIONS), null);
            }
            JsonValue payload = message.get("payload");
            if (payload instanceof JsonObject request && request.get("query") instanceof JsonString query) {
                return documentCheck.apply(query.getString());
            }
            return new Checked(refusal.apply("A subscribe message needs a payload object with the document as a string in"
                    + " `query`", BAD_REQUEST), null);
        }

        /** One operation of this connection, fed by a (perhaps shared) execution. */
        private final class Following implements SharedSubscriptions.Follower {

            private final String id;
            private final String nextPrefix;
            private volatile SharedSubscriptions.Stream stream;

            Following(String id) {
                this.id = id;
                this.nextPrefix = "{\"id\":" + jakarta.json.Json.createValue(id) + ",\"type\":\"next\",\"payload\":";
            }

            void leave() {
                SharedSubscriptions.Stream joined = stream;
                if (joined != null) {
                    joined.leave(this);
                }
            }

            @Override
            public void next(String payload) {
                send(nextPrefix + payload + "}");
            }

            @Override
            public void complete() {
                if (finished()) {
                    send("{\"id\":" + jakarta.json.Json.createValue(id) + ",\"type\":\"complete\"}");
                }
            }

            @Override
            public void error(String errorsJson) {
                if (finished()) {
                    send("{\"id\":" + jakarta.json.Json.createValue(id) + ",\"type\":\"error\",\"payload\":"
                            + errorsJson + "}");
                }
            }

            /** Whether the operation was still running (the client had not completed it). */
            private boolean finished() {
                following.remove(id, this);
                return activeOperations.remove(id) != null;
            }

            private void send(String frame) {
                try {
                    session.sendMessage(frame);
                } catch (java.io.IOException e) {
                    session.close((short) 1011, "Write failed");
                }
            }
        }
    }

    /** How subscribers of one request may share its execution. */
    enum Sharing {
        /** Not at all: not a subscription, or its root fields could not be looked into. */
        NONE,
        /** From now on: a subscriber who joins gets the events from then on. */
        LIVE,
        /**
         * From a cursor: a subscriber who joins gets the events already sent first (the execution keeps them for a
         * while), as an execution of its own from the same cursor would have sent them.
         */
        REPLAY
    }

    /**
     * How subscribers of this request may share one execution: its operation must be a subscription whose root
     * selections are fields; a root field given a cursor ({@code after}, not null) replays from it.
     */
    static Sharing sharing(Document document, String operationName, JsonObject variables) {
        if (document == null) {
            return Sharing.NONE;
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(operation -> operationName == null || operationName.equals(operation.getName())).toList();
        if (operations.size() != 1 || operations.get(0).getOperation() != OperationDefinition.Operation.SUBSCRIPTION) {
            return Sharing.NONE;
        }
        Sharing sharing = Sharing.LIVE;
        for (Selection<?> selection : operations.get(0).getSelectionSet().getSelections()) {
            if (!(selection instanceof Field field)) {
                return Sharing.NONE; // a fragment at the root: not looked into
            }
            for (Argument argument : field.getArguments()) {
                if ("after".equals(argument.getName()) && given(argument.getValue(), variables)) {
                    sharing = Sharing.REPLAY;
                }
            }
        }
        return sharing;
    }

    /** Whether an argument's value is other than null, once its variable (if it is one) is looked up. */
    private static boolean given(Value<?> value, JsonObject variables) {
        if (value instanceof VariableReference variable) {
            JsonValue given = variables.get(variable.getName());
            return given != null && given.getValueType() != JsonValue.ValueType.NULL;
        }
        return !(value instanceof NullValue);
    }

    /** Marks, in SmallRye's table of a connection's operations, one that follows a (perhaps shared) execution. */
    private static final Subscriber<ExecutionResult> FOLLOWING = new Subscriber<>() {
        @Override
        public void onSubscribe(Subscription subscription) {
            subscription.cancel();
        }

        @Override
        public void onNext(ExecutionResult result) {
        }

        @Override
        public void onError(Throwable failure) {
        }

        @Override
        public void onComplete() {
        }
    };

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
