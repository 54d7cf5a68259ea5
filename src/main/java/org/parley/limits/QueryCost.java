package org.parley.limits;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import graphql.GraphQLError;
import graphql.language.Field;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * The cost of an operation, in the manner of GitHub's: the most objects its response can hold, assuming that every
 * connection fills the page it asks for. A field whose type is an object counts once for each object above it; the
 * {@code nodes} or {@code edges} of a connection count {@code first} (20 when absent) for each connection, a plain
 * list of records (an encounter's participants) counts its own {@code first} (50 when absent: the resolvers return
 * no more), and any other list (a payload's userErrors) counts {@code parley.limits.list-size}. So the cost is an
 * upper bound of the objects in the answer. Scalars are free: the bound is on rows
 * read and objects built, which is what grows when lists nest.
 * <p>
 * {@code actors(first: 50) { nodes { encounters(first: 10) { nodes { title } } } }} costs 1 + 50 + 50 + 500 = 601.
 * <p>
 * Introspection ({@code __schema}, {@code __type}) is free here; graphql-java bounds it by its own "good faith" check.
 * While measuring, every {@code first}/{@code last} argument is checked against {@code parley.limits.max-page-size}.
 */
public final class QueryCost {

    /**
     * The cost, or the error of the first page size out of range; and the merging work: for every field written more
     * than once under one response key ({@code k} times), the pairs execution folds ({@code k(k-1)/2}) times the
     * objects whose selection set holds it (graphql-java collects the fields again for every object).
     */
    public record Measured(long cost, GraphQLError pageSizeError, long mergeWork) {
    }

    private static final List<String> PAGE_ARGUMENTS = List.of("first", "last");
    /** Far above any limit, below overflow: deep nesting of large pages saturates here. */
    private static final long CEILING = 1L << 50;

    private final ExecutableNormalizedOperation operation;
    private final GraphQLSchema schema;
    private final Sizes sizes;
    private GraphQLError pageSizeError;
    private long mergeWork;

    /** Page sizes: the largest allowed, the one used without {@code first}; and the size assumed for plain lists. */
    public record Sizes(int maxPage, int defaultPage, int list) {
    }

    private QueryCost(ExecutableNormalizedOperation operation, GraphQLSchema schema, Sizes sizes) {
        this.operation = operation;
        this.schema = schema;
        this.sizes = sizes;
    }

    public static Measured of(ExecutableNormalizedOperation operation, GraphQLSchema schema, Sizes sizes) {
        QueryCost measure = new QueryCost(operation, schema, sizes);
        long cost = measure.ofFields(operation.getTopLevelFields(), 1, sizes.list());
        return new Measured(cost, measure.pageSizeError, measure.mergeWork);
    }

    /**
     * @param times how many parent objects each of these fields is resolved for
     * @param page the page size of the parent field, for the lists below a connection
     */
    private long ofFields(List<ExecutableNormalizedField> fields, long times, int page) {
        long cost = 0;
        for (ExecutableNormalizedField field : fields) {
            long written = distinct(operation.getMergedField(field).getFields());
            if (written > 1) {
                mergeWork = plus(mergeWork, times(times, written * (written - 1) / 2));
            }
            if (field.getFieldName().startsWith("__")) {
                continue; // __typename is a scalar; __schema and __type are bounded by graphql-java
            }
            GraphQLFieldDefinition definition = field.getFieldDefinitions(schema).get(0);
            GraphQLType type = GraphQLTypeUtil.unwrapNonNull(definition.getType());
            int own = pageSize(field, definition);
            boolean list = type instanceof GraphQLList;
            // a list counts its own first (Encounter.participants(first:)), else the page of the connection above it
            // (nodes, edges); a connection passes its first down to its nodes and edges
            long count = times(times, list ? (own >= 0 ? own : page) : 1);
            if (!GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(type))) {
                int below = !list && own >= 0 ? own : sizes.list();
                cost = plus(cost, plus(count, ofFields(field.getChildren(), count, below)));
            }
        }
        return cost;
    }

    /** The page or list size this field asks for, checked; -1 when it takes no {@code first} or {@code last}. */
    private int pageSize(ExecutableNormalizedField field, GraphQLFieldDefinition definition) {
        for (String name : PAGE_ARGUMENTS) {
            if (definition.getArgument(name) != null) {
                Object value = field.getResolvedArguments().get(name);
                int size = value instanceof Number number ? number.intValue() : sizes.defaultPage();
                if ((size < 0 || size > sizes.maxPage()) && pageSizeError == null) {
                    pageSizeError = DocumentChecks.error(name + " must be between 0 and " + sizes.maxPage() + ", was "
                            + size, "BAD_USER_INPUT", null);
                }
                return Math.max(0, Math.min(size, sizes.maxPage()));
            }
        }
        return -1;
    }

    /**
     * The fields written in the document: a fragment spread twice lists its fields twice here, where execution
     * collects them once.
     */
    private static long distinct(List<Field> fields) {
        if (fields.size() < 2) {
            return fields.size();
        }
        Set<Field> written = Collections.newSetFromMap(new IdentityHashMap<>());
        written.addAll(fields);
        return written.size();
    }

    private static long times(long a, long b) {
        return b != 0 && a > CEILING / b ? CEILING : a * b;
    }

    private static long plus(long a, long b) {
        return Math.min(CEILING, a + b);
    }
}
