package org.parley.errors;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.validation.ValidationError;


/**
 * Writes one log line per GraphQL request: the operation's name (or {@code -}), its type and root fields, the time
 * from the start of parsing to the finished result, and the outcome ({@code ok}, or {@code error} with the codes
 * sent). Variables, arguments and headers never reach the log.
 * <p>
 * A subscription gets its line when it starts; its events (graphql-java executes the selection again for each, with
 * the same instrumentation state) are logged only when they carry errors.
 * <p>
 * Requests refused before graphql-java runs (a body that is not JSON, a document that does not parse or breaks a
 * limit) are logged through {@link #refused}, with {@code -} for what is not known.
 */
public class RequestLog extends SimplePerformantInstrumentation {

    private static final Logger LOG = Logger.getLogger(RequestLog.class);

    static final class Request implements InstrumentationState {
        final long start = System.nanoTime();
        volatile String operation = "-";
        volatile String type = "-";
        volatile String fields = "-";
        /** A subscription's result comes once as it starts, then once per event: the events are not logged. */
        volatile boolean logged;

        void describe(OperationDefinition definition) {
            if (definition.getName() != null) {
                operation = capped(definition.getName());
            }
            type = definition.getOperation().name().toLowerCase(Locale.ROOT);
            Set<String> roots = new LinkedHashSet<>();
            for (Selection<?> selection : definition.getSelectionSet().getSelections()) {
                roots.add(selection instanceof Field field ? capped(field.getName()) : "...");
            }
            fields = fieldList(roots);
        }
    }

    /** Root field names logged at the most; the rest are counted ("+N more"). */
    static final int MAX_FIELDS_LOGGED = 20;
    /** Characters of a name logged at the most: a name is checked against the schema only after it is logged. */
    static final int MAX_NAME_LENGTH = 64;

    static String capped(String name) {
        return name.length() <= MAX_NAME_LENGTH ? name : name.substring(0, MAX_NAME_LENGTH);
    }

    /** The names, at most {@value #MAX_FIELDS_LOGGED}, so that one hostile document cannot make a line of kilobytes. */
    static String fieldList(Set<String> names) {
        StringJoiner list = new StringJoiner(",");
        int shown = 0;
        for (String name : names) {
            if (shown == MAX_FIELDS_LOGGED) {
                list.add("+" + (names.size() - shown) + " more");
                break;
            }
            list.add(name);
            shown++;
        }
        return list.toString();
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Request();
    }

    /** A request refused before graphql-java ran: one line with its code. */
    public static void refused(long startNanos, String code) {
        if (LOG.isInfoEnabled()) {
            LOG.info(line("-", "-", "-", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos),
                    "error codes=" + code));
        }
    }

    /** At validation, so that requests refused by it are described too; a cached document skips validation. */
    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
            InstrumentationState state) {
        if (state instanceof Request request) {
            List<OperationDefinition> operations = parameters.getDocument()
                    .getDefinitionsOfType(OperationDefinition.class);
            for (OperationDefinition operation : operations) {
                if (operations.size() == 1 || Objects.equals(operation.getName(), parameters.getOperation())) {
                    request.describe(operation);
                }
            }
        }
        return SimpleInstrumentationContext.noOp();
    }

    /** A document found in the parsed-document cache skips validation: it is described here. */
    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        if (state instanceof Request request && "-".equals(request.type)) {
            request.describe(parameters.getExecutionContext().getOperationDefinition());
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (state instanceof Request request && LOG.isInfoEnabled()
                && !(request.logged && result.getErrors().isEmpty())) {
            // a subscription logs its start and its failed events only: one line per event and subscriber would
            // be thousands of lines a second at a few writes a second
            request.logged = true;
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - request.start);
            LOG.info(line(request.operation, request.type, request.fields, millis, outcome(result)));
        }
        return CompletableFuture.completedFuture(result);
    }

    /**
     * The line, concatenated: {@code infof} formats its pattern with {@link java.util.Formatter} at every request,
     * which was a third of the line's cost in the Q5 profile (docs/BENCHMARKS.md).
     */
    static String line(String operation, String type, String fields, long millis, String outcome) {
        return new StringBuilder(96 + fields.length()).append("graphql operation=").append(operation)
                .append(" type=").append(type).append(" fields=").append(fields).append(" duration_ms=")
                .append(millis).append(" outcome=").append(outcome).toString();
    }

    private static String outcome(ExecutionResult result) {
        if (result.getErrors().isEmpty()) {
            return "ok";
        }
        StringJoiner codes = new StringJoiner(",", "error codes=", "");
        Set<String> seen = new LinkedHashSet<>();
        for (GraphQLError error : result.getErrors()) {
            if (seen.add(ErrorCodes.codeIn(error))) {
                codes.add(ErrorCodes.codeIn(error));
            }
        }
        return codes.toString();
    }
}
