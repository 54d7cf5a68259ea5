package org.parley.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@code graphql-transport-ws} client over the JDK's WebSocket: connection_init/connection_ack, subscribe,
 * next/error/complete per operation id, and the close code the server ends with.
 */
public final class GraphQLSocket implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final WebSocket socket;
    private final Map<String, BlockingQueue<JsonNode>> byOperation = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonNode> connection = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();

    private GraphQLSocket(URI uri) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .connectTimeout(WAIT).buildAsync(uri, new Listener()).orTimeout(20, TimeUnit.SECONDS).join();
    }

    /** Opens {@code ws://.../graphql} on the HTTP port of {@code httpBase} and sends connection_init with a token. */
    public static GraphQLSocket open(URI graphqlHttpUri, String token) {
        GraphQLSocket client = new GraphQLSocket(URI.create(graphqlHttpUri.toString().replaceFirst("^http", "ws")));
        ObjectNode init = JSON.createObjectNode().put("type", "connection_init");
        ObjectNode payload = init.putObject("payload");
        if (token != null) {
            payload.put("Authorization", "Bearer " + token);
        }
        client.send(init);
        return client;
    }

    /** The cursor of a live event for the change_log entry numbered {@code commitSeq} (as the server encodes it). */
    public static String cursor(long commitSeq) {
        return encoded("commit:" + commitSeq);
    }

    /** A cursor as the server handed them out before migration V26: the change_log entry's id. */
    public static String idCursor(long changeId) {
        return encoded("change:" + changeId);
    }

    private static String encoded(String text) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The change_log entry's number in commit order ({@code commit_seq}) that a live event's cursor names. */
    public static long cursorSeq(String cursor) {
        return Long.parseLong(new String(java.util.Base64.getUrlDecoder().decode(cursor),
                java.nio.charset.StandardCharsets.UTF_8).substring("commit:".length()));
    }

    /** Waits for connection_ack. */
    public GraphQLSocket acknowledged() {
        assertEquals("connection_ack", nextOnConnection().path("type").asText());
        return this;
    }

    public void subscribe(String id, String query, Map<String, Object> variables) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", query);
        payload.put("variables", variables);
        ObjectNode message = JSON.createObjectNode().put("type", "subscribe").put("id", id);
        message.set("payload", JSON.valueToTree(payload));
        send(message);
    }

    /**
     * Sends a ping and waits for the pong: the server handles a socket's messages in order, so whatever was sent
     * before (a subscribe, a complete) has been taken in by then.
     */
    public void roundTrip() {
        send(JSON.createObjectNode().put("type", "ping"));
        assertEquals("pong", nextOnConnection().path("type").asText());
    }

    public void complete(String id) {
        send(JSON.createObjectNode().put("type", "complete").put("id", id));
    }

    /** The next message for operation {@code id} (next, error or complete); fails after 20 s. */
    public JsonNode next(String id) {
        try {
            JsonNode message = queue(id).poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("No message for operation " + id + " within " + WAIT);
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next message for operation {@code id} if one comes within {@code wait}, else null. */
    public JsonNode poll(String id, Duration wait) throws InterruptedException {
        return queue(id).poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The close code the server sent; fails after 20 s. */
    public int closeCode() {
        return closed.orTimeout(20, TimeUnit.SECONDS).join();
    }

    private JsonNode nextOnConnection() {
        try {
            JsonNode message = connection.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("No connection message within " + WAIT);
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private BlockingQueue<JsonNode> queue(String id) {
        return byOperation.computeIfAbsent(id, ignored -> new LinkedBlockingQueue<>());
    }

    /** Sends {@code message} as it is, for messages a well-behaved client would not send. */
    public void sendRaw(String message) {
        socket.sendText(message, true).orTimeout(20, TimeUnit.SECONDS).join();
    }

    private void send(JsonNode message) {
        socket.sendText(message.toString(), true).orTimeout(20, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null)
                    .join();
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(text.toString());
                    if (message.has("id")) {
                        queue(message.get("id").asText()).add(message);
                    } else if ("ping".equals(message.path("type").asText())) {
                        send(JSON.createObjectNode().put("type", "pong"));
                    } else {
                        connection.add(message);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
