package org.parley.http;

import java.util.Set;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Turns the GraphQL answer of a {@link FixedOperation} into a plain HTTP answer: the payload's result with 200, or
 * the errors (top-level ones, else the payload's {@code userErrors} as errors with their code and field) with the
 * status their first code calls for.
 */
final class OperationAnswers {

    /** An HTTP status and its JSON body. */
    record Answer(int status, String body) {
    }

    /** Codes of requests the client must change: 400. */
    private static final Set<String> CLIENT_CODES = Set.of("BAD_USER_INPUT", GraphQLHttpHandler.BAD_REQUEST, "INVALID",
            "TAKEN", "LAST_ATTESTATION", "IN_USE", "GRAPHQL_VALIDATION_FAILED");

    private OperationAnswers() {
    }

    static Answer of(FixedOperation operation, Buffer graphql) {
        JsonObject response = new JsonObject(graphql);
        JsonArray errors = response.getJsonArray("errors");
        if (errors != null && !errors.isEmpty()) {
            return new Answer(status(codeOf(errors.getJsonObject(0))), new JsonObject().put("errors", errors).encode());
        }
        JsonObject data = response.getJsonObject("data");
        JsonObject payload = data == null ? null : data.getJsonObject(operation.field());
        if (payload == null) {
            return new Answer(500, error("Server Error", "INTERNAL_SERVER_ERROR"));
        }
        JsonArray userErrors = payload.getJsonArray("userErrors");
        if (userErrors != null && !userErrors.isEmpty()) {
            JsonArray out = new JsonArray();
            for (int i = 0; i < userErrors.size(); i++) {
                JsonObject userError = userErrors.getJsonObject(i);
                out.add(new JsonObject().put("message", userError.getString("message"))
                        .put("extensions", new JsonObject().put("code", userError.getString("code"))
                                .put("field", userError.getJsonArray("field"))));
            }
            return new Answer(status(userErrors.getJsonObject(0).getString("code")),
                    new JsonObject().put("errors", out).encode());
        }
        Object result = payload.getValue(operation.result());
        return new Answer(200, result instanceof JsonObject object ? object.encode() : String.valueOf(result));
    }

    /** The answer's errors alone (a refusal by admission control, whose status is decided already). */
    static Buffer errorsOnly(Buffer graphql) {
        JsonArray errors = new JsonObject(graphql).getJsonArray("errors");
        return Buffer.buffer(new JsonObject().put("errors", errors == null ? new JsonArray() : errors).encode());
    }

    private static String codeOf(JsonObject error) {
        JsonObject extensions = error.getJsonObject("extensions");
        return extensions == null ? null : extensions.getString("code");
    }

    static int status(String code) {
        if (code == null) {
            return 500;
        }
        return switch (code) {
            case "UNAUTHENTICATED" -> 401;
            case "FORBIDDEN" -> 403;
            case "NOT_FOUND" -> 404;
            case "CONFLICT" -> 409;
            case "RATE_LIMITED" -> 429;
            case "TIMEOUT" -> 504;
            case "DATABASE_UNAVAILABLE", "OVERLOADED", GraphQLHttpHandler.SHUTTING_DOWN -> 503;
            default -> CLIENT_CODES.contains(code) || code.startsWith("MAX_") ? 400 : 500;
        };
    }

    private static String error(String message, String code) {
        return new JsonObject().put("errors", new JsonArray().add(new JsonObject().put("message", message)
                .put("extensions", new JsonObject().put("code", code)))).encode();
    }
}
