package org.parley.errors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.graphql.api.ErrorCode;

/**
 * Gives every error of a response an {@code extensions.code}, so that clients can branch on codes rather than on
 * messages: errors from Parley's own exceptions keep the code their class declares ({@link ErrorCode}); the others
 * get {@code GRAPHQL_PARSE_FAILED}, {@code GRAPHQL_VALIDATION_FAILED}, {@code BAD_USER_INPUT} (values, variables or
 * literals, that do not fit their type: the message then starts with the argument's name, e.g.
 * {@code first: 10.5 is not an Int ...}), {@code UNAUTHENTICATED} or {@code FORBIDDEN} (writes without a valid token
 * or role), {@code DATABASE_UNAVAILABLE} or {@code TIMEOUT} (see {@link DatabaseErrors}), or {@code INTERNAL_SERVER_ERROR}, whose
 * message reveals nothing of the failure.
 * <p>
 * Every error sent is counted in the Micrometer counter {@value #ERRORS_METER}, tagged with its code
 * ({@code parley_graphql_errors_total{code="..."}} at {@code /q/metrics}).
 */
public class ErrorCodes extends SimplePerformantInstrumentation {

    public static final String ERRORS_METER = "parley.graphql.errors";

    public static final String PARSE_FAILED = "GRAPHQL_PARSE_FAILED";
    public static final String VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";
    public static final String BAD_USER_INPUT = "BAD_USER_INPUT";
    public static final String INTERNAL = "INTERNAL_SERVER_ERROR";
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String FORBIDDEN = "FORBIDDEN";
    /** What an error whose code SmallRye adds from the exception's {@link ErrorCode} is counted as when it has none. */
    private static final String UNKNOWN = "UNKNOWN";

    private static final Pattern JAVA_SCALAR_NAME = Pattern.compile("Unknown Scalar Type \\[(?:[\\w$]+\\.)*([\\w$]+)\\]");
    /** graphql-java's words for a variable its type refuses. */
    private static final Pattern BAD_VARIABLE = Pattern.compile(
            "Variable '([_A-Za-z][_0-9A-Za-z]*)' has an invalid value: (.*)", Pattern.DOTALL);
    /** graphql-java's words for a literal whose scalar refused it with a message of its own. */
    private static final Pattern BAD_LITERAL = Pattern.compile(
            "Validation error \\(WrongType[^)]*\\) : argument '([^']*)' with value '.*' is not a valid '[^']*' - (.*)",
            Pattern.DOTALL);

    private final MeterRegistry registry;

    public ErrorCodes(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> errors = new ArrayList<>(result.getErrors().size());
        Function<String, List<String>> uses = variable -> VariableUses.of(parameters.getQuery(), variable);
        for (GraphQLError error : result.getErrors()) {
            // "a non-null field was null" only repeats, less clearly, an error already reported for that field
            if (!(error instanceof NonNullableFieldWasNullError) || result.getErrors().size() == 1) {
                GraphQLError coded = withCode(error, uses, parameters.getSchema());
                errors.add(coded);
                count(codeIn(coded));
            }
        }
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
    }

    /**
     * @param uses the arguments and input fields a variable is given to in the request's document, to name them
     *        when the variable is refused
     */
    static GraphQLError withCode(GraphQLError error, Function<String, List<String>> uses, GraphQLSchema schema) {
        if (error instanceof ExceptionWhileDataFetching fetching) {
            if (fetching.getException().getClass().isAnnotationPresent(ErrorCode.class)) {
                return error; // SmallRye adds the declared code when it writes the response
            }
            Throwable declared = declaringCode(fetching.getException());
            if (declared != null) {
                // wrapped, as a batch resolver's argument check is (a connection's bad cursor under each parent):
                // SmallRye would see neither the code nor a message it may show
                String code = declared.getClass().getAnnotation(ErrorCode.class).value();
                return GraphqlErrorBuilder.newError().message(declared.getMessage()).path(fetching.getPath())
                        .locations(fetching.getLocations()).errorType(ErrorClassification.errorClassification(code))
                        .extensions(Map.of("code", code)).build();
            }
            String database = DatabaseErrors.codeOf(fetching.getException());
            if (database != null) {
                return GraphqlErrorBuilder.newError().message(DatabaseErrors.messageFor(database))
                        .path(fetching.getPath()).locations(fetching.getLocations())
                        .errorType(ErrorClassification.errorClassification(database)).extensions(Map.of("code", database))
                        .build();
            }
            String security = securityCode(fetching.getException());
            if (security != null) {
                return GraphqlErrorBuilder.newError()
                        .message(security.equals(UNAUTHENTICATED) ? "A valid bearer token is required"
                                : "The token's roles do not allow this")
                        .path(fetching.getPath()).locations(fetching.getLocations())
                        .errorType(ErrorClassification.errorClassification(security)).extensions(Map.of("code", security))
                        .build();
            }
            // an unexpected failure: SmallRye logged it; the client learns only that it happened
            return GraphqlErrorBuilder.newError().message("Internal server error").path(fetching.getPath())
                    .locations(fetching.getLocations()).errorType(ErrorClassification.errorClassification(INTERNAL))
                    .extensions(Map.of("code", INTERNAL)).build();
        }
        if (error.getExtensions() != null && error.getExtensions().containsKey("code")) {
            return error;
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        String code = codeOf(error);
        extensions.put("code", code);
        // SmallRye names an input object it could not convert by its Java class: the GraphQL name first
        String message = withoutJavaNames(error.getMessage());
        if (code.equals(BAD_USER_INPUT)) {
            String explained = InputValueProblems.explain(message, schema);
            message = explained != null ? explained : namingTheArgument(message, uses);
        }
        return GraphqlErrorBuilder.newError().message(message)
                .locations(error.getLocations()).path(error.getPath()).errorType(error.getErrorType())
                .extensions(extensions).build();
    }

    /**
     * SmallRye gives input objects a scalar named after their Java class when it checks literals: a bad value in a
     * filter would show {@code Unknown Scalar Type [org.parley.encounter.EncounterFilter]}; the client sees the
     * GraphQL type's name instead.
     */
    static String withoutJavaNames(String message) {
        return message == null ? null : JAVA_SCALAR_NAME.matcher(message).replaceAll("$1");
    }

    /**
     * A refused value's message led by the argument it was given for, as the client wrote it:
     * {@code first: 10.5 is not an Int ...}, and for a variable {@code first: ... (variable $n)}. Other messages are
     * kept.
     */
    static String namingTheArgument(String message, Function<String, List<String>> uses) {
        if (message == null) {
            return null;
        }
        Matcher variable = BAD_VARIABLE.matcher(message);
        if (variable.matches()) {
            List<String> names = uses.apply(variable.group(1));
            String refused = variable.group(2);
            return names.isEmpty() ? "$" + variable.group(1) + ": " + refused
                    : String.join(", ", names) + ": " + refused + " (variable $" + variable.group(1) + ")";
        }
        Matcher literal = BAD_LITERAL.matcher(message);
        if (literal.matches()) {
            return literal.group(1) + ": " + literal.group(2);
        }
        return message;
    }

    /**
     * The first cause of a failure that is one of Parley's exceptions declaring a code ({@link BadUserInputException}):
     * their messages are written for the client.
     */
    private static Throwable declaringCode(Throwable failure) {
        Throwable t = failure.getCause();
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t.getClass().isAnnotationPresent(ErrorCode.class)) {
                return t;
            }
        }
        return null;
    }

    /** UNAUTHENTICATED for a missing, expired or forged token; FORBIDDEN for a token without the role. */
    private static String securityCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnauthorizedException || t instanceof AuthenticationFailedException) {
                return UNAUTHENTICATED;
            }
            if (t instanceof ForbiddenException) {
                return FORBIDDEN;
            }
        }
        return null;
    }

    private void count(String code) {
        count(registry, code);
    }

    /** Counts an error sent to a client, also for the requests refused before graphql-java runs. */
    public static void count(MeterRegistry registry, String code) {
        Counter.builder(ERRORS_METER).description("GraphQL errors sent to clients, by extensions.code")
                .tag("code", code).register(registry).increment();
    }

    /** The code the client will see: from the extensions, or from the exception's {@link ErrorCode}. */
    static String codeIn(GraphQLError error) {
        if (error.getExtensions() != null && error.getExtensions().get("code") instanceof String code) {
            return code;
        }
        if (error instanceof ExceptionWhileDataFetching fetching) {
            ErrorCode declared = fetching.getException().getClass().getAnnotation(ErrorCode.class);
            if (declared != null) {
                return declared.value();
            }
        }
        return UNKNOWN;
    }

    /** The code a client gets for this validation error: the same as when graphql-java finds it. */
    public static String codeOf(ValidationError error) {
        return codeOf((GraphQLError) error);
    }

    private static String codeOf(GraphQLError error) {
        ErrorClassification type = error.getErrorType();
        if (type == ErrorType.InvalidSyntax) {
            return PARSE_FAILED;
        }
        if (type == ErrorType.ValidationError) {
            // a thrown GraphQLError (not a document check) is a variable value that does not fit its type; a literal
            // of the wrong type (first: 10.5) is the same mistake written in the document
            boolean wrongValue = error instanceof Throwable || error instanceof ValidationError validation
                    && validation.getValidationErrorType() == ValidationErrorType.WrongType;
            return wrongValue ? BAD_USER_INPUT : VALIDATION_FAILED;
        }
        return INTERNAL;
    }
}
