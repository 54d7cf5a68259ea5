package org.parley.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.limits.DocumentChecks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import io.smallrye.graphql.execution.ExecutionResponse;

/**
 * Refusals are written with Jackson from graphql-java's specification map instead of SmallRye's writer (a fast
 * path): for the errors Parley builds, the two must give the same JSON, whatever the message, location, path and
 * extensions. A graphql-java upgrade that changes either shows here as a difference.
 */
class ErrorBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void codedErrorsAreWrittenAsSmallRyeWritesThem() throws Exception {
        Map<Object, Object> cost = new LinkedHashMap<>();
        cost.put("cost", Map.of("requested", 0, "limit", 50000));
        List<List<GraphQLError>> cases = List.of(
                List.of(DocumentChecks.error("The client has spent its budget", "RATE_LIMITED", null)),
                List.of(DocumentChecks.error("Unexpected \"}\" \u00e9\u4e2d \\ \"quoted\"\n\ttab", "GRAPHQL_PARSE_FAILED",
                        new SourceLocation(3, 14))),
                List.of(DocumentChecks.error("first", "MAX_COST", null),
                        DocumentChecks.error("second", "MAX_DEPTH", new SourceLocation(1, 1))),
                List.of(graphql.GraphqlErrorBuilder.newError().message("with a path")
                        .path(ResultPath.parse("/actors/nodes/0/name"))
                        .extensions(Map.of("code", "TIMEOUT", "retryAfter", 1, "nested", Map.of("a", List.of(1, 2))))
                        .build()));
        for (List<GraphQLError> errors : cases) {
            for (Map<Object, Object> extensions : List.of(Map.<Object, Object>of(), cost)) {
                ExecutionResult result = ExecutionResultImpl.newExecutionResult().addErrors(errors)
                        .extensions(extensions).build();
                assertTrue(GraphQLExecution.onlyCoded(errors));
                JsonNode smallRyes = JSON.readTree(new ExecutionResponse(result).getExecutionResultAsString());
                JsonNode jacksons = JSON.readTree(io.vertx.core.json.Json.encode(result.toSpecification()));
                assertEquals(smallRyes, jacksons, errors.get(0).getMessage());
                assertEquals(smallRyes, JSON.readTree(GraphQLExecution.errorBody(errors, extensions)));
            }
        }
    }

    @Test
    void otherErrorsKeepSmallRyesWriter() {
        GraphQLError validation = ValidationError.newValidationError()
                .validationErrorType(ValidationErrorType.FieldUndefined).description("no such field").build();
        assertFalse(GraphQLExecution.onlyCoded(List.of(validation)));
        assertFalse(GraphQLExecution.onlyCoded(List.of(DocumentChecks.error("x", "MAX_COST", null), validation)));
    }
}
