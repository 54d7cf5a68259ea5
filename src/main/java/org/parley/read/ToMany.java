package org.parley.read;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import io.vertx.mutiny.sqlclient.Row;

/**
 * A to-many relation of a GraphQL type: the parent's field {@code field} lists the rows that {@code fromOneParent}
 * finds for the parent whose key is {@code parent.id}, in {@code orderBy}. The field's batch resolver reads it for
 * all parents with {@link Paging} from these same parts; a read of a single object ({@link Lookahead#ofOne}) folds
 * it into its own statement instead, as a JSON array built in PostgreSQL, so that an object page with a few small
 * lists costs one statement, not one per list and level.
 * <p>
 * Declared by the package that defines the field ({@link #declare}), since a type's lists come from several packages
 * (an actor's statements are the {@code statement} package's).
 */
public final class ToMany {

    /** Declared relations by GraphQL type name, then field name. */
    private static final Map<String, Map<String, ToMany>> DECLARED = new ConcurrentHashMap<>();

    final String field;
    final String columns;
    final String fromOneParent;
    final String orderBy;
    final Function<Row, ?> mapper;
    final Supplier<List<ToOne>> toOne;
    final Shape shape;

    private ToMany(String field, String columns, String fromOneParent, String orderBy, Function<Row, ?> mapper,
            Supplier<List<ToOne>> toOne, Shape shape) {
        this.field = field;
        this.columns = columns;
        this.fromOneParent = fromOneParent;
        this.orderBy = orderBy;
        this.mapper = mapper;
        this.toOne = toOne;
        this.shape = shape;
    }

    /**
     * A plain list field with a {@code first} argument ({@link PageRequest#firstItems}).
     *
     * @param columns what {@code mapper} reads
     * @param fromOneParent the {@code from ... where ...} part for the parent whose key is {@code parent.id}
     * @param toOne the items' own to-one relations, read ahead with them as a batch read would
     */
    public static ToMany list(String field, String columns, String fromOneParent, String orderBy,
            Function<Row, ?> mapper, Supplier<List<ToOne>> toOne) {
        return new ToMany(field, columns, fromOneParent, orderBy, mapper, toOne, new Shape(null, null, new String[0]));
    }

    /**
     * A connection field with {@code first} and {@code after} ({@link PageRequest#of}) and no other argument.
     *
     * @param countFromOneParent what {@code totalCount} counts, as for {@link Paging#pages}
     * @param connection the field's value from its page
     */
    public static <T> ToMany connection(String field, String columns, String fromOneParent, String countFromOneParent,
            String orderBy, Function<Row, T> mapper, Supplier<List<ToOne>> toOne,
            Function<Page<T>, ?> connection) {
        @SuppressWarnings("unchecked")
        Function<Page<?>, ?> wrap = page -> connection.apply((Page<T>) page);
        return new ToMany(field, columns, fromOneParent, orderBy, mapper, toOne,
                new Shape(countFromOneParent, wrap, new String[] { "nodes", "edges.node" }));
    }

    /** Makes {@code relation} a field of the GraphQL type {@code type} that single-object reads may fold. */
    public static ToMany declare(String type, ToMany relation) {
        DECLARED.computeIfAbsent(type, t -> new ConcurrentHashMap<>()).put(relation.field, relation);
        return relation;
    }

    /** The relations declared for {@code type}, by field name. */
    static Map<String, ToMany> of(String type) {
        return DECLARED.getOrDefault(type, Map.of());
    }

    /**
     * How the field's arguments choose the rows and how the rows become its value: a list of the items, or a
     * connection over a page of them.
     */
    record Shape(String countFromOneParent, Function<Page<?>, ?> connection, String[] paths) {
        // paths: where the items are below the field, as for Lookahead.of (none: the field's value is the list)

        /** The rows the field's arguments ask for; throws as the resolver would for arguments it refuses. */
        PageRequest request(Map<String, Object> arguments) {
            if (connection == null) {
                return arguments.size() == 1 && arguments.get("first") instanceof Integer first
                        ? PageRequest.firstItems(first) : null;
            }
            for (String name : arguments.keySet()) {
                if (!name.equals("first") && !name.equals("after")) {
                    return null;
                }
            }
            return PageRequest.of((Integer) arguments.get("first"), (String) arguments.get("after"));
        }

        /** The rows to read: a connection reads one more, to know whether a next page follows. */
        int rows(PageRequest request) {
            return request.offset() + request.first() + (connection == null ? 0 : 1);
        }

        Object value(List<Object> items, PageRequest request, ListCount count, long parentKey) {
            if (connection == null) {
                return items.size() > request.first() ? List.copyOf(items.subList(0, request.first())) : items;
            }
            boolean more = items.size() > request.first();
            return connection.apply(new Page<>(more ? List.copyOf(items.subList(0, request.first())) : items,
                    request.offset(), more, count, parentKey));
        }
    }
}
