package org.parley.http;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.json.JsonConfig;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

import org.jboss.logging.Logger;
import org.parley.database.ReadOnlyRequest;
import org.parley.engine.DocumentWorkers;
import org.parley.errors.ErrorCodes;
import org.parley.engine.GraphQLExecution;
import org.parley.write.WriteDeadline;
import org.parley.limits.Admission;
import org.parley.limits.DocumentChecks;
import org.parley.limits.Limits;
import org.parley.limits.RequestLimits;

import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.validation.ValidationError;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /graphql} by the GraphQL-over-HTTP specification, in front of SmallRye's own handler (which answers malformed
 * requests without a code, with the wrong statuses, and double-decodes GET parameters). It reads the request, checks
 * the document ({@link DocumentChecks}), and hands it to SmallRye's execution service through
 * {@link GraphQLExecution}, which also sets up the same request context and security identity as SmallRye's handler.
 * <ul>
 * <li>Media types: {@code application/graphql-response+json} when the client accepts it, otherwise
 * {@code application/json}, always UTF-8. Requests are {@code GET} with URL parameters or {@code POST} with an
 * {@code application/json} body.</li>
 * <li>Statuses: 200 for every GraphQL response in {@code application/json}; with
 * {@code application/graphql-response+json}, 400 when the request was refused before execution (no {@code data}:
 * parse, validation, variables, limits). Malformed HTTP requests get 400, 405 (a mutation over GET, or another
 * method), 413 (body over {@code parley.limits.max-body-size}) or 415 (not {@code application/json}), each with a GraphQL
 * error whose code is {@code BAD_REQUEST} or {@code MAX_BODY_SIZE}. A request unanswered after
 * {@code parley.limits.request-timeout} gets 504 with code {@code TIMEOUT} (nothing it wrote is committed), or
 * {@code OUTCOME_UNKNOWN} when one of its writes had already sent its commit.</li>
 * <li>One operation per request: a JSON array (batching) is refused with 400.</li>
 * <li>Strict JSON: a key twice in one object (two {@code query}: which one would a proxy in front have checked?), or
 * anything but white space after the value, is refused with 400, and so is a GET parameter given twice.</li>
 * </ul>
 */
class GraphQLHttpHandler implements Handler<RoutingContext> {

    static final String JSON = "application/json";
    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    static final String BAD_REQUEST = "BAD_REQUEST";
    /** A request that arrived once the service was closing (503, Retry-After). */
    static final String SHUTTING_DOWN = "SHUTTING_DOWN";
    private static final String ALLOWED_METHODS = "GET, POST, OPTIONS";

    private static final Logger LOG = Logger.getLogger(GraphQLHttpHandler.class);

    /** Found once: {@code Json.create...} looks the provider up with a ServiceLoader on every call (docs/BENCHMARKS.md). */
    private static final JsonProvider JSON_P = JsonProvider.provider();
    /**
     * Refuses duplicate keys: {@code KEY_STRATEGY} is JSON-P 2.1's setting, Parsson 1.1's parser reads only its own
     * ({@code StrictRequestJsonTest} notices if neither is honoured).
     */
    private static final JsonParserFactory STRICT_JSON = JSON_P.createParserFactory(Map.of(
            JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE,
            "org.eclipse.parsson.rejectDuplicateKeys", true));
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate key '(.*)' is not allowed", Pattern.DOTALL);
    private static final List<String> PARAMETERS = List.of("query", "operationName", "variables", "extensions");

    private final DocumentChecks documentChecks;
    private final long maxCost;
    private final long timeoutMillis;
    private final RefusalLog refusals;
    private final InFlightRequests inFlight;
    private final Admission admission;
    private final GraphQLExecution execution;
    private final DocumentWorkers workers;
    /** The one operation this route runs ({@code POST /intake}), or null for {@code /graphql}. */
    private final FixedOperation operation;

    GraphQLHttpHandler(Limits limits, RefusalLog refusals, InFlightRequests inFlight, Admission admission,
            DocumentWorkers workers, CurrentIdentityAssociation identities, CurrentVertxRequest currentRequest) {
        this(limits, refusals, inFlight, admission, workers, identities, currentRequest, null);
    }

    GraphQLHttpHandler(Limits limits, RefusalLog refusals, InFlightRequests inFlight, Admission admission,
            DocumentWorkers workers, CurrentIdentityAssociation identities, CurrentVertxRequest currentRequest,
            FixedOperation operation) {
        this.operation = operation;
        this.workers = workers;
        this.execution = new GraphQLExecution(this::serve, identities, currentRequest);
        this.inFlight = inFlight;
        this.admission = admission;
        this.documentChecks = new DocumentChecks(limits);
        this.maxCost = limits.maxCost();
        this.timeoutMillis = limits.requestTimeout().toMillis();
        this.refusals = refusals;
    }

    /** A request refused before GraphQL: its HTTP status and message. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    @Override
    public void handle(RoutingContext context) {
        execution.handle(context); // calls serve with the request context and identity set up
    }

    private void serve(RoutingContext context) {
        long start = System.nanoTime();
        String mediaType = operation == null ? responseMediaType(context) : JSON;
        String method = context.request().method().name();
        if (method.equals("OPTIONS")) {
            context.response().putHeader(HttpHeaders.ALLOW, allowedMethods()).setStatusCode(204).end();
            return;
        }
        if (operation != null && !method.equals("POST")) {
            context.response().putHeader(HttpHeaders.ALLOW, allowedMethods());
        }
        if (!inFlight.enter()) {
            // after the shutdown delay: load balancers have had the time to stop sending here
            GraphQLError error = DocumentChecks.error("The service is shutting down: send the request again",
                    SHUTTING_DOWN, null);
            refusals.refused(error, start);
            context.response().putHeader(HttpHeaders.RETRY_AFTER, "1").putHeader(HttpHeaders.CONNECTION, "close");
            answer(context, new AtomicBoolean(), 503, mediaType, body(List.of(error)));
            return;
        }
        AtomicBoolean left = new AtomicBoolean();
        Runnable leave = () -> {
            if (left.compareAndSet(false, true)) {
                inFlight.exit();
            }
        };
        boolean handedOff = false; // to the checked document's continuation, which leaves when it is done
        Admission.Ticket ticket = admission.ticket(client(context));
        if (context.response().ended()) {
            leave.run();
            return; // the token failed verification: Quarkus has answered 401
        }
        try {
            JsonObject request = operation != null ? operationRequest(context, method) : switch (method) {
                case "GET" -> fromUrl(context);
                case "POST" -> fromBody(context);
                default -> throw methodNotAllowed(method + " is not supported; use GET or POST");
            };
            String query = request.getString("query");
            long parsing = Admission.parsingCharge(query);
            Admission.Refusal spent = ticket == null ? null : ticket.beforeParsing(parsing);
            if (spent != null) {
                refusePaced(context, start, spent, mediaType);
                return;
            }
            if (workers.offloads(query)) {
                Admission.Refusal busy = ticket == null ? null : ticket.beforeChecking();
                if (busy != null) {
                    refusePaced(context, start, busy, mediaType);
                    return;
                }
                // parsed, checked and validated on a document worker; the rest continues on this event loop
                handedOff = workers.run(() -> {
                    DocumentChecks.Checked checked = documentChecks.check(query);
                    if (checked.error() != null) {
                        return checked;
                    }
                    List<ValidationError> invalid = workers.validateAhead(query, checked.document());
                    // answered from here: graphql-java would validate the document again on the event loop
                    return invalid.isEmpty() ? checked
                            : new DocumentChecks.Checked(null, coded(invalid.get(0)));
                }, new DocumentWorkers.Continuation<DocumentChecks.Checked>() {
                    @Override
                    public void resumed(DocumentChecks.Checked checked, Throwable failure) {
                        if (ticket != null) {
                            ticket.checked();
                        }
                        if (failure != null) {
                            try {
                                LOG.error("Checking a document failed", failure);
                                GraphQLError error = DocumentChecks.error("Internal server error",
                                        "INTERNAL_SERVER_ERROR", null);
                                answer(context, new AtomicBoolean(), 500, mediaType, body(List.of(error)));
                            } finally {
                                leave.run();
                            }
                            return;
                        }
                        afterChecks(context, start, mediaType, method, request, ticket, parsing, checked, leave);
                    }

                    @Override
                    public void abandoned() {
                        if (ticket != null) {
                            ticket.checked();
                        }
                        leave.run();
                    }
                });
                if (!handedOff) {
                    if (ticket != null) {
                        ticket.checked();
                    }
                    GraphQLError error = DocumentChecks.error("The service is checking as many large documents as"
                            + " it can hold; retry shortly", Admission.OVERLOADED, null);
                    refusals.refused(error, start);
                    answer(context, new AtomicBoolean(), 503, 1, mediaType,
                            Buffer.buffer(body(List.of(error)), StandardCharsets.UTF_8.name()));
                }
                return;
            }
            handedOff = true; // afterChecks leaves unless the request runs
            DocumentChecks.Checked checked = documentChecks.check(query);
            afterChecks(context, start, mediaType, method, request, ticket, parsing, checked, leave);
        } catch (Refused refused) {
            refuse(context, refused, start, mediaType);
        } finally {
            if (!handedOff) {
                leave.run();
            }
        }
    }

    /**
     * The rest of a request once its document is checked (on this event loop, or on a document worker): refused for
     * its text, or executed. Leaves the requests in flight unless its execution starts.
     */
    private void afterChecks(RoutingContext context, long start, String mediaType, String method, JsonObject request,
            Admission.Ticket ticket, long parsing, DocumentChecks.Checked checked, Runnable leave) {
        boolean executing = false;
        try {
            if (checked.error() != null) {
                if (ticket != null) {
                    ticket.charge(parsing); // refused for its text: parsing it was the work
                }
                refusals.refused(checked.error(), start);
                int status = mediaType.equals(GRAPHQL_RESPONSE) ? 400 : 200;
                answer(context, new AtomicBoolean(), status, mediaType, body(List.of(checked.error())));
                return;
            }
            OperationDefinition.Operation operation = operationOf(checked.document(),
                    request.getString("operationName", null));
            if (method.equals("GET") && operation == OperationDefinition.Operation.MUTATION) {
                throw methodNotAllowed("Mutations are sent with POST");
            }
            if (operation == OperationDefinition.Operation.QUERY) {
                ReadOnlyRequest.begin(); // its reads may go to the read replica (database.ReadReplica)
            }
            executing = true;
            execute(context, request, mediaType, ticket, leave);
        } catch (Refused refused) {
            refuse(context, refused, start, mediaType);
        } finally {
            if (!executing) {
                leave.run();
            }
        }
    }

    /**
     * Answers an admission refusal made before the document is parsed after {@code parley.admission.refusal-delay}:
     * a client that resends as soon as it is answered is slowed to the pace of its answers.
     */
    private void refusePaced(RoutingContext context, long start, Admission.Refusal refusal, String mediaType) {
        refusals.refused(refusal.error(), start);
        Buffer body = Buffer.buffer(body(List.of(refusal.error())), StandardCharsets.UTF_8.name());
        Runnable refuse = () -> answer(context, new AtomicBoolean(), refusal.status(), refusal.retryAfterSeconds(),
                mediaType, body);
        long delay = admission.refusalDelayMillis();
        if (delay > 0) {
            context.vertx().setTimer(delay, timer -> refuse.run());
        } else {
            refuse.run();
        }
    }

    private void refuse(RoutingContext context, Refused refused, long start, String mediaType) {
        GraphQLError error = DocumentChecks.error(refused.getMessage(), BAD_REQUEST, null);
        refusals.refused(error, start);
        answer(context, new AtomicBoolean(), refused.status, mediaType, body(List.of(error)));
    }

    private String allowedMethods() {
        return operation == null ? ALLOWED_METHODS : "POST, OPTIONS";
    }

    /**
     * The request of a fixed operation: its document, with the body (a JSON object, read as strictly as a
     * {@code /graphql} body) as the variable {@code input}.
     */
    private JsonObject operationRequest(RoutingContext context, String method) {
        if (!method.equals("POST")) {
            throw methodNotAllowed(method + " is not supported; POST the input as JSON");
        }
        JsonValue body = jsonBody(context, "The body is empty; send the input as a JSON object");
        if (body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new Refused(400, "The body must be a JSON object: the input's fields");
        }
        return JSON_P.createObjectBuilder().add("query", operation.document())
                .add("variables", JSON_P.createObjectBuilder().add("input", body)).build();
    }

    private static Refused methodNotAllowed(String message) {
        return new Refused(405, message);
    }

    /**
     * Who the request comes from, for admission control: the subject of a valid bearer token, else the address
     * (which Quarkus takes from X-Forwarded-For or Forwarded only when quarkus.http.proxy.* trusts the proxy). The
     * token is verified here (with admission control on, a forged or expired token gets 401 on reads too, not a
     * budget of its own); when its verification does not complete at once (a key fetched remotely), the request
     * counts against its address.
     */
    String client(RoutingContext context) {
        if (!admission.enabled()) {
            return null;
        }
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            AtomicReference<String> subject = new AtomicReference<>();
            QuarkusHttpUser.getSecurityIdentity(context, null).subscribe().with(identity -> {
                if (identity != null && !identity.isAnonymous()) {
                    subject.set(identity.getPrincipal().getName());
                }
            }, failure -> {
                // a token that fails verification: Quarkus answers 401 (AuthenticationFailureHandler)
            });
            if (subject.get() != null) {
                return "subject " + subject.get();
            }
        }
        SocketAddress address = context.request().remoteAddress();
        return "address " + (address == null ? "unknown" : address.hostAddress());
    }

    /** Runs the request; {@code leave} when its execution has ended (after the answer, for one answered TIMEOUT). */
    private void execute(RoutingContext context, JsonObject request, String mediaType, Admission.Ticket ticket,
            Runnable leave) {
        AtomicBoolean answered = new AtomicBoolean();
        Map<String, Object> metaData = new HashMap<>(4);
        if (ticket != null) {
            metaData.put(Admission.TICKET, ticket);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        metaData.put(RequestLimits.DEADLINE, deadline);
        // for the writes' transactions (WriteDeadlineInterceptor)
        WriteDeadline.Commits commits = WriteDeadline.start(deadline);
        long timer = context.vertx().setTimer(timeoutMillis, id -> {
            // no write of the request has begun to commit, and none will now: TIMEOUT; else its outcome is unknown
            GraphQLError error = commits.timeOut()
                    ? DocumentChecks.error("The request took longer than " + timeoutMillis + " ms", Limits.TIMEOUT,
                            null)
                    : DocumentChecks.error("The request took longer than " + timeoutMillis + " ms while a write was"
                            + " committing: it may or may not have been committed; read it back before writing again",
                            WriteDeadline.OUTCOME_UNKNOWN, null);
            if (answer(context, answered, 504, mediaType, body(List.of(error)))) {
                refusals.timedOut();
            }
        });
        try {
            execution.execute(context, request, metaData, new GraphQLExecution.Outcome() {
                @Override
                public void answered(GraphQLExecution.Answer response) {
                    context.vertx().cancelTimer(timer);
                    try {
                        Admission.Refusal admitted = null;
                        if (ticket != null) {
                            ticket.release();
                            admitted = ticket.refusal();
                        }
                        if (answered.get()) {
                            return; // TIMEOUT was answered: encoding the late result would only hold the event loop
                        }
                        if (admitted != null) {
                            answer(context, answered, admitted.status(), admitted.retryAfterSeconds(), mediaType,
                                    operation == null ? response.body() : OperationAnswers.errorsOnly(response.body()));
                            return;
                        }
                        if (operation != null) {
                            OperationAnswers.Answer plain = OperationAnswers.of(operation, response.body());
                            if (plain.status() == 401 && !context.response().headWritten()) {
                                context.response().putHeader("WWW-Authenticate", "Bearer");
                            }
                            answer(context, answered, plain.status(), mediaType, plain.body());
                            return;
                        }
                        boolean refused = !response.dataPresent();
                        int status = refused && mediaType.equals(GRAPHQL_RESPONSE) ? 400 : 200;
                        answer(context, answered, status, mediaType, response.body());
                    } finally {
                        leave.run();
                    }
                }

                @Override
                public void failed(Throwable failure) {
                    context.vertx().cancelTimer(timer);
                    try {
                        if (ticket != null) {
                            ticket.release();
                        }
                        LOG.error("GraphQL execution failed", failure);
                        GraphQLError error = DocumentChecks.error("Internal server error", "INTERNAL_SERVER_ERROR",
                                null);
                        answer(context, answered, 500, mediaType, body(List.of(error)));
                    } finally {
                        leave.run();
                    }
                }
            });
        } catch (RuntimeException | Error e) {
            if (ticket != null) {
                ticket.release();
            }
            leave.run();
            throw e;
        }
    }

    private static boolean answer(RoutingContext context, AtomicBoolean answered, int status, String mediaType,
            String body) {
        return answer(context, answered, status, mediaType, Buffer.buffer(body, StandardCharsets.UTF_8.name()));
    }

    private static boolean answer(RoutingContext context, AtomicBoolean answered, int status, String mediaType,
            Buffer body) {
        return answer(context, answered, status, -1, mediaType, body);
    }

    /**
     * Sends the answer unless one was sent already (the timeout and the result race); true if this one was sent.
     * A {@code retryAfter} of 0 or more is sent as {@code Retry-After} (seconds).
     */
    private static boolean answer(RoutingContext context, AtomicBoolean answered, int status, long retryAfter,
            String mediaType, Buffer body) {
        if (!answered.compareAndSet(false, true) || context.response().ended() || context.response().closed()) {
            return false;
        }
        if (retryAfter >= 0) {
            context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        }
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, mediaType + "; charset=utf-8");
        if (status == 405 && !context.response().headers().contains(HttpHeaders.ALLOW)) {
            context.response().putHeader(HttpHeaders.ALLOW, ALLOWED_METHODS);
        }
        context.response().end(body);
        return true;
    }

    /** A GraphQL response body with only errors, and the cost extension every response carries. */
    /** A validation error found on a document worker, as graphql-java would have sent it (its first location). */
    private static GraphQLError coded(ValidationError error) {
        List<SourceLocation> locations = error.getLocations();
        return DocumentChecks.error(error.getMessage(), ErrorCodes.codeOf(error),
                locations == null || locations.isEmpty() ? null : locations.get(0));
    }

    String body(List<GraphQLError> errors) {
        return body(errors, maxCost);
    }

    static String body(List<GraphQLError> errors, long maxCost) {
        return GraphQLExecution.errorBody(errors, Map.of("cost", RequestLimits.costExtension(0, maxCost)));
    }

    /** The first media type of the Accept header that Parley serves; application/json when there is none. */
    static String responseMediaType(RoutingContext context) {
        for (MIMEHeader accepted : context.parsedHeaders().accept()) {
            String type = accepted.value(); // the media type without parameters
            if (type.equalsIgnoreCase(GRAPHQL_RESPONSE)) {
                return GRAPHQL_RESPONSE;
            }
            if (type.equalsIgnoreCase(JSON) || type.equals("*/*") || type.equalsIgnoreCase("application/*")) {
                return JSON;
            }
        }
        return JSON;
    }

    private static JsonObject fromUrl(RoutingContext context) {
        for (String name : PARAMETERS) {
            if (context.queryParams().getAll(name).size() > 1) {
                throw new Refused(400, "The parameter " + name + " is given more than once");
            }
        }
        JsonObjectBuilder request = JSON_P.createObjectBuilder();
        request.add("query", required(context.queryParams().get("query")));
        String operationName = context.queryParams().get("operationName");
        if (operationName != null && !operationName.isEmpty()) {
            request.add("operationName", operationName);
        }
        for (String name : List.of("variables", "extensions")) {
            String value = context.queryParams().get(name);
            if (value != null && !value.isEmpty()) {
                JsonValue parsed = parseJson(value, "The " + name + " parameter is not JSON");
                addObject(request, name, parsed);
            }
        }
        return request.build();
    }

    /** The body as a JSON value: refused (415) unless application/json, (400) when empty or not JSON. */
    private static JsonValue jsonBody(RoutingContext context, String whenEmpty) {
        // the media type before any parameter; GraphiQL's fetch sends "application/json, application/json"
        String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !JSON.equalsIgnoreCase(contentType.split("[;,]", 2)[0].strip())) {
            throw new Refused(415, "The body must be application/json");
        }
        // JSON is UTF-8 whatever the charset says (RFC 8259; some clients send ISO-8859-1 by default)
        // no body at all (no Content-Length) reads as null
        String text = context.body() == null ? null : context.body().asString(StandardCharsets.UTF_8.name());
        if (text == null || text.isEmpty()) {
            throw new Refused(400, whenEmpty);
        }
        return parseJson(text, "The body is not JSON");
    }

    private static JsonObject fromBody(RoutingContext context) {
        JsonValue body = jsonBody(context, "The body is empty; send {\"query\": \"...\"}");
        if (body.getValueType() == JsonValue.ValueType.ARRAY) {
            throw new Refused(400, "Batched requests are not supported: send one operation per request");
        }
        if (body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new Refused(400, "The body must be a JSON object");
        }
        JsonObject parameters = body.asJsonObject();
        JsonObjectBuilder request = JSON_P.createObjectBuilder();
        JsonValue query = parameters.get("query");
        request.add("query", required(query instanceof JsonString string ? string.getString() : null));
        if (query != null && query.getValueType() != JsonValue.ValueType.STRING) {
            throw new Refused(400, "query must be a string");
        }
        JsonValue operationName = parameters.get("operationName");
        if (operationName != null && operationName.getValueType() != JsonValue.ValueType.NULL) {
            if (operationName.getValueType() != JsonValue.ValueType.STRING) {
                throw new Refused(400, "operationName must be a string");
            }
            request.add("operationName", operationName);
        }
        addObject(request, "variables", parameters.get("variables"));
        addObject(request, "extensions", parameters.get("extensions"));
        return request.build();
    }

    private static String required(String query) {
        if (query == null || query.isBlank()) {
            throw new Refused(400, "The request has no query");
        }
        return query;
    }

    /** Adds a map parameter; null or absent is left out, anything but an object is refused. */
    private static void addObject(JsonObjectBuilder request, String name, JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new Refused(400, name + " must be a JSON object");
        }
        request.add(name, value);
    }

    private static JsonValue parseJson(String text, String problem) {
        String refusal;
        try (JsonParser parser = STRICT_JSON.createParser(new StringReader(text))) {
            parser.next();
            JsonValue value = parser.getValue();
            try {
                if (!parser.hasNext()) {
                    return value;
                }
            } catch (RuntimeException e) {
                // Parsson throws when it finds a token where the end should be
            }
            refusal = problem + ": something follows the JSON value";
        } catch (IllegalStateException e) {
            Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(e.getMessage()));
            refusal = duplicate.matches() ? problem + ": the key \"" + abbreviate(duplicate.group(1))
                    + "\" appears twice in an object" : problem;
        } catch (RuntimeException | StackOverflowError e) {
            // JsonException for bad syntax, NoSuchElementException for no value at all, and a plain RuntimeException
            // from Parsson past 1,000 levels of nested arrays or objects ("Input is too deeply nested")
            refusal = problem;
        }
        throw new Refused(400, refusal);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** Whether the operation the request selects is a mutation (unknown names are left to graphql-java). */
    /** The kind of the operation the request runs; null when none is selected (graphql-java reports that). */
    private static OperationDefinition.Operation operationOf(Document document, String operationName) {
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        for (OperationDefinition operation : operations) {
            boolean selected = operationName == null ? operations.size() == 1
                    : operationName.equals(operation.getName());
            if (selected) {
                return operation.getOperation();
            }
        }
        return null;
    }
}
