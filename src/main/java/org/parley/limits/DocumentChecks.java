package org.parley.limits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * Checks what can be checked on a document's text alone, before graphql-java validates it: its length in characters
 * ({@code MAX_DOCUMENT_LENGTH}, before parsing), the number of tokens ({@code MAX_TOKENS}, while parsing), the number
 * of aliases ({@code MAX_ALIASES}), the number of fields once fragments are expanded ({@code MAX_FIELDS}) and the
 * depth of nested fields ({@code MAX_DEPTH}) and the repeated selections of one response key that execution would
 * merge ({@code MAX_FIELD_MERGES}). Validation itself costs time in the number of fields (overlapping aliases are
 * compared in pairs, fragments are walked where they are spread), so documents that break these limits are refused
 * first.
 * <p>
 * Field merges: graphql-java's execution collects, for every object it completes, the fields of its selection set
 * by response key, and folds each repeat into a copy of the fields collected so far: {@code name} written 4,900 times
 * costs about 12 million copies per object (2 s for 100 actors, on an event loop). So the repeats are counted as
 * execution collects them (the selections of same-keyed fields merged, each fragment once per selection set), and a
 * document with more than {@code max-field-merges} is refused here; {@link RequestLimits} then weighs the repeats by
 * the objects they are collected for.
 * <p>
 * Fields are counted as execution would see them: a fragment spread counts the fields of the fragment, however many
 * times it is spread, so a "billion laughs" (each fragment spreading the previous one ten times) that is small in
 * tokens counts its millions of fields. The count is computed, never expanded: each fragment is measured once, and the
 * walk stops as soon as the limit is passed. Introspection fields count too.
 * <p>
 * Depth counts levels of fields through fragments, as a client means them: the Relay wrappers of a connection,
 * {@code nodes}, {@code edges} and the {@code node} directly inside {@code edges}, are not levels of their own (the
 * field under them is), so {@code actors { edges { node { name } } } } is 2 deep like {@code actors { nodes { name } } }
 * and a Relay client reading five entities deep is not refused for its wrappers. They are known by name, without the
 * schema: in a valid document there are at most two of them per counted level, and an invalid one goes no further
 * than validation (the parser's own nesting limit bounds it). The introspection fields {@code __schema} and
 * {@code __type} and what lies below them do not count, since graphql-java bounds introspection itself (its "good
 * faith" check: no repeated {@code __Type.fields}, at most 500 fields). Aliases are counted as written, in the whole
 * document.
 */
public final class DocumentChecks {

    /** The document, or the error that refuses it. */
    public record Checked(Document document, GraphQLError error) {
    }

    private static final String PARSE_FAILED = "GRAPHQL_PARSE_FAILED";

    /**
     * Accepted documents by their text: clients send the same few queries again and again, and the outcome depends
     * on the text and the limits alone. Bounded: at most 256 documents, each of at most 4,000 characters.
     */
    private static final int CACHED_DOCUMENTS = 256;
    private static final int CACHED_LENGTH = 4_000;

    private final Map<String, Document> accepted = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
            return size() > CACHED_DOCUMENTS;
        }
    };

    private final ParserOptions parserOptions;
    private final int maxDocumentLength;
    private final int maxDepth;
    private final int maxAliases;
    private final int maxFields;
    private final int maxFieldMerges;

    public DocumentChecks(Limits limits) {
        this.parserOptions = parserOptions(limits);
        this.maxDocumentLength = limits.maxDocumentLength();
        this.maxDepth = limits.maxDepth();
        this.maxAliases = limits.maxAliases();
        this.maxFields = limits.maxFields();
        this.maxFieldMerges = limits.maxFieldMerges();
    }

    /** graphql-java's options for operations, with Parley's limits on tokens and characters. */
    public static ParserOptions parserOptions(Limits limits) {
        return ParserOptions.getDefaultOperationParserOptions()
                .transform(options -> options.maxTokens(limits.maxTokens()).maxCharacters(limits.maxDocumentLength()));
    }

    public Checked check(String query) {
        if (query.length() <= CACHED_LENGTH) {
            Document known;
            synchronized (accepted) {
                known = accepted.get(query);
            }
            if (known != null) {
                return new Checked(known, null);
            }
        }
        Checked checked = checkText(query);
        if (checked.error() == null && query.length() <= CACHED_LENGTH) {
            synchronized (accepted) {
                accepted.put(query, checked.document());
            }
        }
        return checked;
    }

    private Checked checkText(String query) {
        if (query.length() > maxDocumentLength) {
            return new Checked(null, error("The document is " + query.length() + " characters long; at most "
                    + maxDocumentLength + " are allowed (send large values as variables)", Limits.MAX_DOCUMENT_LENGTH,
                    null));
        }
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
        Expansion.Size size = new Expansion(document, maxFields).ofOperations();
        if (size.fields() > maxFields) {
            return new Checked(null, error("The document selects more than " + maxFields
                    + " fields once its fragments are expanded; at most " + maxFields + " are allowed",
                    Limits.MAX_FIELDS, null));
        }
        if (size.depth() > maxDepth) {
            return new Checked(null, error("The operation nests fields " + size.depth() + " levels deep; at most "
                    + maxDepth + " are allowed", Limits.MAX_DEPTH, null));
        }
        // after MAX_FIELDS: the walk visits no more fields than the expansion counted
        long merges = new Merges(document, maxFieldMerges, maxFields).ofOperations();
        if (merges > maxFieldMerges) {
            return new Checked(null, error("The document repeats fields that execution would merge more than "
                    + maxFieldMerges + " times; at most " + maxFieldMerges
                    + " are allowed (ask for each field once per level)", Limits.MAX_FIELD_MERGES, null));
        }
        return new Checked(document, null);
    }

    private static String codeOf(InvalidSyntaxException failure) {
        if (failure instanceof ParseCancelledTooDeepException) {
            return Limits.MAX_DEPTH; // the parser's own nesting limit (lists, objects, selections)
        }
        if (failure instanceof ParseCancelledTooManyCharsException) {
            return Limits.MAX_DOCUMENT_LENGTH; // the parser's own count, the same limit as the length measured first
        }
        if (failure instanceof ParseCancelledException) {
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

    /**
     * Depth and number of fields of the document's operations with their fragments expanded, each fragment measured
     * once. The count of fields stops at the first selection set that passes the limit: its size is then only known
     * to be over the limit.
     */
    private static final class Expansion {

        /** Levels of nested fields, and fields in all. */
        record Size(int depth, long fields) {
        }

        private static final Size NOTHING = new Size(0, 0);

        private final Map<String, FragmentDefinition> fragments = new HashMap<>();
        /** By fragment name, for spreads outside and directly inside {@code edges} (where {@code node} is free). */
        private final Map<String, Size> fragmentSizes = new HashMap<>();
        private final Map<String, Size> fragmentSizesInEdges = new HashMap<>();
        private final Set<String> measuring = new HashSet<>();
        private final List<OperationDefinition> operations;
        private final long maxFields;

        Expansion(Document document, long maxFields) {
            document.getDefinitionsOfType(FragmentDefinition.class)
                    .forEach(fragment -> fragments.putIfAbsent(fragment.getName(), fragment));
            operations = document.getDefinitionsOfType(OperationDefinition.class);
            this.maxFields = maxFields;
        }

        Size ofOperations() {
            int deepest = 0;
            long fields = 0;
            for (OperationDefinition operation : operations) {
                Size size = of(operation.getSelectionSet(), false);
                deepest = Math.max(deepest, size.depth());
                fields += size.fields();
                if (fields > maxFields) {
                    break;
                }
            }
            return new Size(deepest, fields);
        }

        /** @param inEdges whether these are the selections of an {@code edges} field */
        private Size of(SelectionSet selections, boolean inEdges) {
            if (selections == null) {
                return NOTHING;
            }
            int deepest = 0;
            long fields = 0;
            for (Selection<?> selection : selections.getSelections()) {
                Size size = NOTHING;
                if (selection instanceof Field field) {
                    String name = field.getName();
                    Size below = of(field.getSelectionSet(), name.equals("edges"));
                    boolean introspection = name.equals("__schema") || name.equals("__type");
                    boolean wrapper = name.equals("edges") || name.equals("nodes") || inEdges && name.equals("node");
                    int depth = introspection ? 0 : (wrapper ? 0 : 1) + below.depth();
                    size = new Size(depth, 1 + below.fields());
                } else if (selection instanceof InlineFragment inline) {
                    size = of(inline.getSelectionSet(), inEdges);
                } else if (selection instanceof FragmentSpread spread) {
                    size = ofFragment(spread.getName(), inEdges);
                }
                deepest = Math.max(deepest, size.depth());
                fields += size.fields();
                if (fields > maxFields) {
                    break; // over the limit: the rest need not be counted
                }
            }
            return new Size(deepest, fields);
        }

        private Size ofFragment(String name, boolean inEdges) {
            Map<String, Size> sizes = inEdges ? fragmentSizesInEdges : fragmentSizes;
            Size known = sizes.get(name);
            if (known != null) {
                return known;
            }
            FragmentDefinition fragment = fragments.get(name);
            // unknown fragments and cycles are validation errors, reported by graphql-java next
            if (fragment == null || !measuring.add(name)) {
                return NOTHING;
            }
            Size size = of(fragment.getSelectionSet(), inEdges);
            measuring.remove(name);
            sizes.put(name, size);
            return size;
        }
    }

    /**
     * Repeats of a response key in the selection sets execution collects: the fields of one key beyond the first,
     * summed over every selection set, where the selection sets of same-keyed fields are collected together (as
     * graphql-java merges them) and a fragment counts once per selection set (as graphql-java skips a fragment spread
     * again). The count stops past the limit; the walk gives up after as many fields as the expansion allowed, which
     * only a fragment cycle (a validation error) reaches.
     */
    private static final class Merges {

        /** Deeper than any document the depth limit lets through, below what the stack holds. */
        private static final int MAX_LEVELS = 200;

        private final Map<String, FragmentDefinition> fragments = new HashMap<>();
        private final List<OperationDefinition> operations;
        private final long max;
        private long budget;
        private long merges;

        Merges(Document document, long max, long maxFields) {
            document.getDefinitionsOfType(FragmentDefinition.class)
                    .forEach(fragment -> fragments.putIfAbsent(fragment.getName(), fragment));
            operations = document.getDefinitionsOfType(OperationDefinition.class);
            this.max = max;
            this.budget = maxFields;
        }

        long ofOperations() {
            for (OperationDefinition operation : operations) {
                of(List.of(operation.getSelectionSet()), 0);
                if (merges > max) {
                    break;
                }
            }
            return merges;
        }

        private void of(List<SelectionSet> selectionSets, int level) {
            if (level > MAX_LEVELS) {
                return;
            }
            Map<String, List<Field>> byKey = new LinkedHashMap<>();
            Set<String> spread = new HashSet<>();
            for (SelectionSet selections : selectionSets) {
                collect(selections, byKey, spread);
            }
            for (List<Field> sameKey : byKey.values()) {
                merges += sameKey.size() - 1;
                budget -= sameKey.size();
                if (merges > max || budget < 0) {
                    return;
                }
                List<SelectionSet> below = new ArrayList<>(sameKey.size());
                for (Field field : sameKey) {
                    if (field.getSelectionSet() != null) {
                        below.add(field.getSelectionSet());
                    }
                }
                if (!below.isEmpty()) {
                    of(below, level + 1);
                    if (merges > max || budget < 0) {
                        return;
                    }
                }
            }
        }

        private void collect(SelectionSet selections, Map<String, List<Field>> byKey, Set<String> spread) {
            if (selections == null) {
                return;
            }
            for (Selection<?> selection : selections.getSelections()) {
                if (selection instanceof Field field) {
                    byKey.computeIfAbsent(field.getResultKey(), key -> new ArrayList<>()).add(field);
                } else if (selection instanceof InlineFragment inline) {
                    collect(inline.getSelectionSet(), byKey, spread);
                } else if (selection instanceof FragmentSpread fragmentSpread && spread.add(fragmentSpread.getName())) {
                    FragmentDefinition fragment = fragments.get(fragmentSpread.getName());
                    if (fragment != null) {
                        collect(fragment.getSelectionSet(), byKey, spread);
                    }
                }
            }
        }
    }
}
