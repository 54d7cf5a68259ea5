package org.parley.limits;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;

/**
 * Parses a document and checks what can be checked on its text alone, before graphql-java validates it: the number
 * of tokens ({@code MAX_TOKENS}), the depth of nested fields ({@code MAX_DEPTH}) and the number of aliases
 * ({@code MAX_ALIASES}). Validation itself costs time in the number of fields (overlapping aliases are compared in
 * pairs), so documents that break these limits are refused first.
 * <p>
 * Depth counts levels of fields through fragments; the introspection fields {@code __schema} and {@code __type} and
 * what lies below them do not count, since graphql-java bounds introspection itself (its "good faith" check: no
 * repeated {@code __Type.fields}, at most 500 fields). Aliases are counted as written, in the whole document.
 */
public final class DocumentChecks {

    /** The document, or the error that refuses it. */
    public record Checked(Document document, GraphQLError error) {
    }

    private static final String PARSE_FAILED = "GRAPHQL_PARSE_FAILED";

    private final ParserOptions parserOptions;
    private final int maxDepth;
    private final int maxAliases;

    public DocumentChecks(int maxTokens, int maxDepth, int maxAliases) {
        this.parserOptions = parserOptions(maxTokens);
        this.maxDepth = maxDepth;
        this.maxAliases = maxAliases;
    }

    /** graphql-java's options for operations, with Parley's token limit. */
    public static ParserOptions parserOptions(int maxTokens) {
        return ParserOptions.getDefaultOperationParserOptions().transform(options -> options.maxTokens(maxTokens));
    }

    public Checked check(String query) {
        Document document;
        try {
            document = new Parser().parseDocument(
                    ParserEnvironment.newParserEnvironment().document(query).parserOptions(parserOptions).build());
        } catch (InvalidSyntaxException e) {
            return new Checked(null, error(e.getMessage(), codeOf(e), e.getLocation()));
        }
        int aliases = countAliases(document);
        if (aliases > maxAliases) {
            return new Checked(null, error("The document has " + aliases + " aliases; at most " + maxAliases
                    + " are allowed", Limits.MAX_ALIASES, null));
        }
        int depth = new Depth(document).ofOperations();
        if (depth > maxDepth) {
            return new Checked(null, error("The operation nests fields " + depth + " levels deep; at most " + maxDepth
                    + " are allowed", Limits.MAX_DEPTH, null));
        }
        return new Checked(document, null);
    }

    private static String codeOf(InvalidSyntaxException failure) {
        if (failure instanceof ParseCancelledTooDeepException) {
            return Limits.MAX_DEPTH; // the parser's own nesting limit (lists, objects, selections)
        }
        if (failure instanceof ParseCancelledException || failure instanceof ParseCancelledTooManyCharsException) {
            return Limits.MAX_TOKENS;
        }
        return PARSE_FAILED;
    }

    /** An error with its code in extensions.code (and as its classification, which metrics and logs read). */
    public static GraphQLError error(String message, String code, SourceLocation location) {
        GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError().message(message)
                .errorType(ErrorClassification.errorClassification(code)).extensions(Map.of("code", code));
        // no location: the field is left out rather than sent empty
        return error.locations(location == null ? null : List.of(location)).build();
    }

    private static int countAliases(Node<?> node) {
        int count = node instanceof Field field && field.getAlias() != null ? 1 : 0;
        for (Node<?> child : node.getChildren()) {
            count += countAliases(child);
        }
        return count;
    }

    /** Depth of the document's operations, each fragment measured once. */
    private static final class Depth {
        private final Map<String, FragmentDefinition> fragments = new HashMap<>();
        private final Map<String, Integer> fragmentDepths = new HashMap<>();
        private final Set<String> measuring = new HashSet<>();
        private final List<OperationDefinition> operations;

        Depth(Document document) {
            document.getDefinitionsOfType(FragmentDefinition.class)
                    .forEach(fragment -> fragments.putIfAbsent(fragment.getName(), fragment));
            operations = document.getDefinitionsOfType(OperationDefinition.class);
        }

        int ofOperations() {
            int deepest = 0;
            for (OperationDefinition operation : operations) {
                deepest = Math.max(deepest, of(operation.getSelectionSet()));
            }
            return deepest;
        }

        private int of(SelectionSet selections) {
            if (selections == null) {
                return 0;
            }
            int deepest = 0;
            for (Selection<?> selection : selections.getSelections()) {
                int depth = 0;
                if (selection instanceof Field field) {
                    boolean introspection = field.getName().equals("__schema") || field.getName().equals("__type");
                    depth = introspection ? 0 : 1 + of(field.getSelectionSet());
                } else if (selection instanceof InlineFragment inline) {
                    depth = of(inline.getSelectionSet());
                } else if (selection instanceof FragmentSpread spread) {
                    depth = ofFragment(spread.getName());
                }
                deepest = Math.max(deepest, depth);
            }
            return deepest;
        }

        private int ofFragment(String name) {
            Integer known = fragmentDepths.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition fragment = fragments.get(name);
            // unknown fragments and cycles are validation errors, reported by graphql-java next
            if (fragment == null || !measuring.add(name)) {
                return 0;
            }
            int depth = of(fragment.getSelectionSet());
            measuring.remove(name);
            fragmentDepths.put(name, depth);
            return depth;
        }
    }
}
