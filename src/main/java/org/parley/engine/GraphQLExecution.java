package org.parley.engine;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * The HTTP handler's way into SmallRye's execution, and everything of it that rests on Quarkus' internal
 * {@code SmallRyeGraphQLAbstractHandler}: the request context and security identity set up around each request (the
 * base class's {@code handle}), the execution service with SmallRye's metadata, and the writing of answers.
 * {@code http.GraphQLHttpHandler} reads and answers the request; this class is its route, and calls it back.
 */
public final class GraphQLExecution extends SmallRyeGraphQLAbstractHandler {

    private final Handler<RoutingContext> requests;
    private final boolean jacksonAnswers;

    /** {@code requests} is called for every request, with the request context active and the identity set. */
    public GraphQLExecution(Handler<RoutingContext> requests, CurrentIdentityAssociation identities,
            CurrentVertxRequest currentRequest) {
        super(identities, currentRequest, false);
        this.requests = requests;
        this.jacksonAnswers = FastPaths.enabled();
    }

    /** Whether answers without errors are written with Jackson (a fast path) rather than SmallRye's writer. */
    boolean writesWithJackson() {
        return jacksonAnswers;
    }

    @Override
    protected void doHandle(RoutingContext context) {
        requests.handle(context);
    }

    /** What became of an execution: exactly one of the two is called, once. */
    public interface Outcome {

        void answered(Answer answer);

        void failed(Throwable failure);
    }

    /**
     * Runs a GraphQL request ({@code query}, {@code operationName}, {@code variables}, {@code extensions}) with
     * {@code metaData} added to SmallRye's (the instrumentations read it from the execution's context).
     */
    public void execute(RoutingContext context, JsonObject request, Map<String, Object> metaData, Outcome outcome) {
        Map<String, Object> smallRyes = getMetaData(context);
        smallRyes.putAll(metaData);
        getExecutionService().executeAsync(request, smallRyes, new ExecutionResponseWriter() {
            @Override
            public void write(ExecutionResponse response) {
                outcome.answered(new Answer(response, jacksonAnswers));
            }

            @Override
            public void fail(Throwable failure) {
                outcome.failed(failure);
            }
        });
    }

    /** A GraphQL answer, encoded only when asked for (a timed-out request never is). */
    public static final class Answer {

        private final ExecutionResponse response;
        private final boolean jackson;

        Answer(ExecutionResponse response, boolean jackson) {
            this.response = response;
            this.jackson = jackson;
        }

        /** Whether execution started: false when the request was refused before it (parse, validation, limits). */
        public boolean dataPresent() {
            return response.getExecutionResult().isDataPresent();
        }

        /**
         * The response body. An answer without errors is written straight from graphql-java's result with Jackson's
         * generator ({@link AnswerJson}, the fast path): SmallRye's own writer first copies the whole answer into a
         * JSON-P object tree, much of the CPU and garbage of a deep query (docs/BENCHMARKS.md). Answers with errors
         * keep SmallRye's writer, which formats the errors (codes, no internals).
         */
        public Buffer body() {
            ExecutionResult result = response.getExecutionResult();
            if (jackson && (result.getErrors().isEmpty() || !result.isDataPresent() && onlyCoded(result.getErrors()))) {
                return AnswerJson.toBuffer(result.toSpecification());
            }
            return Buffer.buffer(response.getExecutionResultAsString(), StandardCharsets.UTF_8.name());
        }
    }

    /** The class of the errors that Parley builds itself ({@code GraphqlErrorBuilder}: message, code, location). */
    private static final Class<?> CODED = GraphqlErrorBuilder.newError().message("-").build().getClass();

    /**
     * Whether every error is one Parley built with a code (a refusal), which SmallRye's writer renders exactly as
     * graphql-java's specification map ({@code ErrorBodyTest} holds the two side by side). SmallRye's writer goes
     * through JSON-B and a JSON-P tree for each error: for the thousands of refusals a second of a client that
     * ignores Retry-After, a large part of their CPU and garbage (docs/RELIABILITY.md, "Hostile load").
     */
    static boolean onlyCoded(List<GraphQLError> errors) {
        for (GraphQLError error : errors) {
            if (error.getClass() != CODED) {
                return false;
            }
        }
        return true;
    }

    /** A response body with these errors, no data, and these extensions, written as SmallRye writes answers. */
    public static String errorBody(List<GraphQLError> errors, Map<Object, Object> extensions) {
        ExecutionResult result = ExecutionResultImpl.newExecutionResult().addErrors(errors).extensions(extensions)
                .build();
        if (FastPaths.enabled() && onlyCoded(errors)) {
            return AnswerJson.toString(result.toSpecification());
        }
        return new ExecutionResponse(result).getExecutionResultAsString();
    }
}
