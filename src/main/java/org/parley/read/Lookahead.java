package org.parley.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.TypeName;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import io.smallrye.graphql.api.Context;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Selection-aware batch reads. A batch read of a type looks at what the query selects below its objects and joins,
 * into its one statement, every to-one relation of that type ({@link ToOne}) the query asks for, and theirs in
 * turn ({@code respondsTo { speaker }}): each a lateral subquery on the related row's primary key, its columns
 * named {@code "laN.column"} in the same row. The mapped objects carry the related objects ({@link Related}), and
 * the to-one fields return them with no statement and no batch of their own. To-many relations keep their own
 * batch, one statement per level, except below a single object ({@link #ofOne}): there each list the query selects
 * that its type declares ({@link ToMany}) is folded into the same statement as a JSON array of the rows its batch
 * would read, with their own to-one relations and lists in turn, and the list field answers from its parent.
 * One parent's small lists cost a statement, a round trip and a dispatch level each otherwise, which is most of an
 * object page's cost (docs/BENCHMARKS.md, Q6); below a list of parents the batches already share them.
 * <p>
 * The selection is read from the document (the field's merged occurrences, fragments expanded), not from
 * graphql-java's normalized operation, which costs a pass over the whole operation. Reading ahead a field that
 * {@code @skip} or a type condition then leaves out costs a join, never a wrong answer; a field the batch's first
 * occurrence does not select (SmallRye hands the loader one occurrence's environment) goes through its resolver.
 */
public final class Lookahead {

    /** Reads nothing ahead. */
    public static final Lookahead NONE = new Lookahead(List.of(), List.of(), "", "");

    /** Joins per statement at most, folds and the joins inside them included; relations beyond go through their resolvers. */
    static final int MAX_JOINS = 12;

    /** Lists folded inside folded lists at most: an actor's statements' sources is two. */
    static final int MAX_FOLD_DEPTH = 2;

    /**
     * How the arguments of a field below the current one are coerced, as its fetcher will get them: null (nothing
     * folds) until the engine, which owns the framework internals this takes, installs its way ({@link #use}).
     */
    @FunctionalInterface
    public interface FieldArguments {
        Map<String, Object> of(DataFetchingEnvironment environment, GraphQLFieldDefinition definition, Field field);
    }

    private static volatile FieldArguments coercion = (environment, definition, field) -> null;

    /** Installs how a field's arguments are coerced; called as the executing schema is built. */
    public static void use(FieldArguments way) {
        coercion = way;
    }

    /** The alias of the rows a batch reads, in {@link Paging}'s statements; the first joins refer to it. */
    static final String ROWS = "page";

    private record Step(ToOne relation, String alias, List<Step> below) {
    }

    /**
     * A list folded into its parent's row: the column {@code alias.items} holds the JSON array of its rows, which
     * carry {@code steps} and {@code folds} of their own; its value goes to the parent under the field's result key.
     */
    private record Fold(ToMany relation, String alias, String resultKey, Map<String, Object> arguments,
            PageRequest request, List<Step> steps, List<Fold> folds) {
    }

    private final List<Step> steps;
    private final List<Fold> folds;
    private final String columns;
    private final String joins;

    private Lookahead(List<Step> steps, List<Fold> folds, String columns, String joins) {
        this.steps = steps;
        this.folds = folds;
        this.columns = columns;
        this.joins = joins;
    }

    /**
     * What to read ahead for the objects of the current field, found at {@code paths} below it ({@code "nodes"},
     * {@code "edges.node"} for a connection; none for a field whose value is the objects, or lists of them).
     */
    public static Lookahead of(Context context, List<ToOne> relations, String... paths) {
        DataFetchingEnvironment environment = context == null ? null : context.unwrap(DataFetchingEnvironment.class);
        if (environment == null || environment.getMergedField() == null || relations.isEmpty()) {
            return NONE;
        }
        Map<String, FragmentDefinition> fragments = environment.getFragmentsByName();
        List<Field> objects = at(environment.getMergedField().getFields(), fragments, paths);
        Builder builder = new Builder(environment, fragments);
        StringBuilder columns = new StringBuilder();
        StringBuilder joins = new StringBuilder();
        List<Step> steps = builder.steps(children(objects, fragments), relations, ROWS, columns, joins);
        return steps.isEmpty() ? NONE : new Lookahead(steps, List.of(), columns.toString(), joins.toString());
    }

    /**
     * What to read ahead for the single object of the current field ({@code actor(id:)}): its to-one relations as
     * {@link #of}, and the lists its type declares ({@link ToMany}) folded into the same statement.
     */
    public static Lookahead ofOne(Context context, List<ToOne> relations) {
        DataFetchingEnvironment environment = context == null ? null : context.unwrap(DataFetchingEnvironment.class);
        if (environment == null || !(GraphQLTypeUtil.unwrapAll(environment.getFieldType()) instanceof GraphQLObjectType type)) {
            return NONE;
        }
        return ofOne(environment, type, relations);
    }

    /**
     * As above, for a field whose type is abstract ({@code node(id:)}) and whose object is known to be of the type
     * {@code typeName}: only the fragments that apply to that type are read.
     */
    public static Lookahead ofOne(Context context, String typeName, List<ToOne> relations) {
        DataFetchingEnvironment environment = context == null ? null : context.unwrap(DataFetchingEnvironment.class);
        if (environment == null || environment.getGraphQLSchema().getObjectType(typeName) == null) {
            return NONE;
        }
        return ofOne(environment, environment.getGraphQLSchema().getObjectType(typeName), relations);
    }

    private static Lookahead ofOne(DataFetchingEnvironment environment, GraphQLObjectType type, List<ToOne> relations) {
        if (environment.getMergedField() == null) {
            return NONE;
        }
        Map<String, FragmentDefinition> fragments = environment.getFragmentsByName();
        Builder builder = new Builder(environment, fragments);
        StringBuilder columns = new StringBuilder();
        StringBuilder joins = new StringBuilder();
        GraphQLSchema schema = environment.getGraphQLSchema();
        List<Field> selected = children(environment.getMergedField().getFields(), fragments,
                condition -> applies(schema, type, condition));
        List<Step> steps = builder.steps(selected, relations, ROWS, columns, joins);
        List<Fold> folds = builder.folds(selected, type, ROWS, 1, columns, joins);
        return steps.isEmpty() && folds.isEmpty() ? NONE
                : new Lookahead(steps, folds, columns.toString(), joins.toString());
    }

    /** Whether anything is read ahead. */
    public boolean isEmpty() {
        return steps.isEmpty() && folds.isEmpty();
    }

    /**
     * {@code sql}, whose rows are one type's columns, with what this reads ahead joined to each row; as is when
     * nothing is.
     */
    public String around(String sql) {
        return isEmpty() ? sql : "select page.*" + columns + " from (" + sql + ") page" + joins;
    }

    /** The related rows' columns, each led by a comma, for the select list. */
    String columns() {
        return columns;
    }

    /** The lateral joins, after the rows aliased {@code page}. */
    String joins() {
        return joins;
    }

    /**
     * {@code mapper}, followed by the mapping of the related objects read ahead in the same row. The function serves
     * one statement's rows: its columns are found by name once, at the first row (the driver looks a name up by
     * comparing it with each column's name, hashed again for each result: 5 % of Q1's samples, whose batch reads
     * look nothing ahead, and 6.6 % of Q5's, with rows of 60 columns and more).
     */
    public <T> Function<Row, T> mapper(Pool pool, Function<Row, T> mapper) {
        Level level = new Level(steps, folds, pool);
        return row -> level.map(row.getDelegate(), mapper);
    }

    /**
     * The rows of one level of one statement, whose columns are found by name once, at the first row: the driver's
     * rows, or the items of a folded list, all with the same keys.
     */
    private static final class Level {

        private final List<Step> steps;
        private final List<Fold> folds;
        private final Pool pool;
        private Map<String, Integer> own;
        private Map<String, Map<String, Integer>> byAlias;
        /** Per fold (by identity: a record's hash would walk all it holds): its items' level, its count's parents. */
        private final Map<Fold, Level> below = new IdentityHashMap<>();
        private final Map<Fold, ListCount> counts = new IdentityHashMap<>();
        private final Map<Fold, List<Long>> counted = new IdentityHashMap<>();

        Level(List<Step> steps, List<Fold> folds, Pool pool) {
            this.steps = steps;
            this.folds = folds;
            this.pool = pool;
        }

        <T> T map(io.vertx.sqlclient.Row columns, Function<Row, T> mapper) {
            if (own == null) {
                own = new HashMap<>();
                byAlias = new HashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    String name = columns.getColumnName(i);
                    int dot = name.indexOf('.');
                    Map<String, Integer> into = dot < 0 ? own
                            : byAlias.computeIfAbsent(name.substring(0, dot), alias -> new HashMap<>());
                    into.putIfAbsent(name.substring(dot + 1), i); // the first of a name, as the driver finds
                }
            }
            T item = mapper.apply(Row.newInstance(new PrefixedRow(columns, own)));
            if (item instanceof Related parent) {
                attach(parent, columns, steps, byAlias);
                for (Fold fold : folds) {
                    Integer at = byAlias.getOrDefault(fold.alias, Map.of()).get("items");
                    Long key = columns.getLong(own.get("id"));
                    parent.folded(fold.resultKey, fold.arguments, items(fold, columns.getValue(at), key));
                }
            }
            return item;
        }

        /** The value of {@code fold}'s field for the parent {@code key}, from its rows. */
        private Object items(Fold fold, Object rows, long key) {
            // the statement's own folds arrive as text, the folds inside them as items already read
            JsonItems read = rows instanceof String text ? JsonItems.parse(text) : (JsonItems) rows;
            Level level = below.computeIfAbsent(fold, f -> new Level(f.steps, f.folds, pool));
            List<Object> items = new ArrayList<>(read.values.size());
            for (Object[] values : read.values) {
                items.add(level.map(new JsonRow(values, read.names, read.index), fold.relation.mapper));
            }
            ListCount count = ListCount.NONE;
            if (fold.relation.shape.connection() != null) {
                List<Long> keys = counted.computeIfAbsent(fold, f -> new ArrayList<>());
                keys.add(key);
                count = counts.computeIfAbsent(fold, f -> new ListCount(pool,
                        ListCount.perParent(f.relation.shape.countFromOneParent()),
                        () -> io.vertx.mutiny.sqlclient.Tuple.of(keys.toArray(Long[]::new))));
            }
            return fold.relation.shape.value(items, fold.request, count, key);
        }
    }

    private static void attach(Related parent, io.vertx.sqlclient.Row row, List<Step> steps,
            Map<String, Map<String, Integer>> byAlias) {
        for (Step step : steps) {
            PrefixedRow related = new PrefixedRow(row, byAlias.getOrDefault(step.alias, Map.of()));
            Related child = null;
            if (related.getValue("id") != null) { // a left join without a live row: null, as the resolver answers
                child = step.relation.mapper.apply(Row.newInstance(related));
                attach(child, row, step.below, byAlias);
            }
            parent.readAhead(step.relation.field, child);
        }
    }

    /**
     * The fields at {@code paths} below {@code fields} ({@code "nodes"}, {@code "edges.node"}), fragments expanded;
     * {@code fields} themselves when there is no path.
     */
    private static List<Field> at(List<Field> fields, Map<String, FragmentDefinition> fragments, String... paths) {
        if (paths.length == 0) {
            return fields;
        }
        List<Field> found = new ArrayList<>();
        for (String path : paths) {
            List<Field> level = fields;
            for (String name : path.split("\\.")) {
                level = children(level, fragments).stream().filter(f -> f.getName().equals(name)).toList();
            }
            found.addAll(level);
        }
        return found;
    }

    /** The immediate fields below {@code fields}, fragments expanded. */
    private static List<Field> children(List<Field> fields, Map<String, FragmentDefinition> fragments) {
        return children(fields, fragments, condition -> true);
    }

    /** As above, only through the fragments whose type condition {@code applies}. */
    private static List<Field> children(List<Field> fields, Map<String, FragmentDefinition> fragments,
            Predicate<TypeName> applies) {
        List<Field> children = new ArrayList<>();
        for (Field field : fields) {
            collect(field.getSelectionSet(), fragments, applies, children);
        }
        return children;
    }

    private static void collect(SelectionSet set, Map<String, FragmentDefinition> fragments,
            Predicate<TypeName> applies, List<Field> into) {
        if (set == null) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                into.add(field);
            } else if (selection instanceof InlineFragment inline
                    && (inline.getTypeCondition() == null || applies.test(inline.getTypeCondition()))) {
                collect(inline.getSelectionSet(), fragments, applies, into);
            } else if (selection instanceof FragmentSpread spread && fragments.get(spread.getName()) != null
                    && applies.test(fragments.get(spread.getName()).getTypeCondition())) {
                collect(fragments.get(spread.getName()).getSelectionSet(), fragments, applies, into);
            }
        }
    }

    /**
     * Whether a fragment on {@code condition} can apply to an object of {@code type}: its own name, one of its
     * interfaces, or a union (not looked into: a union member's fields would only be read for nothing).
     */
    private static boolean applies(GraphQLSchema schema, GraphQLObjectType type, TypeName condition) {
        String name = condition.getName();
        return name.equals(type.getName()) || type.getInterfaces().stream().anyMatch(i -> i.getName().equals(name))
                || schema.getType(name) instanceof GraphQLUnionType;
    }

    private static final class Builder {

        private final DataFetchingEnvironment environment;
        private final Map<String, FragmentDefinition> fragments;
        private int count;

        Builder(DataFetchingEnvironment environment, Map<String, FragmentDefinition> fragments) {
            this.environment = environment;
            this.fragments = fragments;
        }

        /** The relations among {@code relations} that {@code selected} asks for, joined to {@code parent}. */
        List<Step> steps(List<Field> selected, List<ToOne> relations, String parent, StringBuilder columns,
                StringBuilder joins) {
            List<Step> steps = new ArrayList<>();
            for (ToOne relation : relations) {
                List<Field> asked = selected.stream().filter(f -> f.getName().equals(relation.field)).toList();
                if (asked.isEmpty() || count == MAX_JOINS) {
                    continue;
                }
                String alias = "la" + (++count);
                joins.append(" left join lateral (select ").append(relation.select).append(relation.from)
                        .append(parent).append('.').append(relation.foreignKey).append(" and ").append(relation.live)
                        .append(" offset 0) ").append(alias).append(" on true");
                for (String name : relation.names) {
                    columns.append(", ").append(alias).append('.').append(name)
                            .append(" as \"").append(alias).append('.').append(name).append('"');
                }
                steps.add(new Step(relation, alias, steps(children(asked, fragments), relation.below.get(), alias,
                        columns, joins)));
            }
            return List.copyOf(steps);
        }

        /**
         * The lists of {@code type} that {@code selected} asks for and that it declares ({@link ToMany}), each
         * folded into a column of the rows aliased {@code parent}: the JSON array of the rows the list's batch would
         * read for that parent, with the same limit and order. A list whose arguments it cannot fold (a filter, an
         * argument the resolver refuses) goes through its resolver.
         */
        List<Fold> folds(List<Field> selected, GraphQLObjectType type, String parent, int depth,
                StringBuilder columns, StringBuilder joins) {
            Map<String, ToMany> declared = ToMany.of(type.getName());
            if (declared.isEmpty() || depth > MAX_FOLD_DEPTH) {
                return List.of();
            }
            Map<String, List<Field>> byKey = new LinkedHashMap<>();
            for (Field field : selected) {
                if (declared.containsKey(field.getName())) {
                    byKey.computeIfAbsent(field.getResultKey(), k -> new ArrayList<>()).add(field);
                }
            }
            List<Fold> folds = new ArrayList<>();
            for (Map.Entry<String, List<Field>> asked : byKey.entrySet()) {
                Field first = asked.getValue().get(0);
                ToMany relation = declared.get(first.getName());
                GraphQLFieldDefinition definition = type.getFieldDefinition(first.getName());
                Map<String, Object> arguments = arguments(definition, first);
                PageRequest request = arguments == null ? null : request(relation, arguments);
                GraphQLObjectType itemType = itemType(definition, relation);
                if (request == null || count == MAX_JOINS) {
                    continue;
                }
                String alias = "fm" + (++count);
                String rows = alias + "p";
                List<Field> items = at(asked.getValue(), fragments, relation.shape.paths());
                List<Field> below = children(items, fragments);
                StringBuilder itemColumns = new StringBuilder();
                StringBuilder itemJoins = new StringBuilder();
                List<Step> steps = steps(below, relation.toOne.get(), rows, itemColumns, itemJoins);
                List<Fold> inner = itemType == null ? List.of() // a list of scalars
                        : folds(below, itemType, rows, depth + 1, itemColumns, itemJoins);
                joins.append(" left join lateral (select coalesce(json_agg(row_to_json(f) order by f.rn), '[]'::json)")
                        .append(" as items from (select ").append(rows).append(".*").append(itemColumns)
                        .append(" from (select ").append(parent).append(".id) as parent(id) cross join lateral (select ")
                        .append(relation.columns).append(", row_number() over (order by ").append(relation.orderBy)
                        .append(") as rn ").append(relation.fromOneParent).append(" order by ").append(relation.orderBy)
                        .append(" limit ").append(relation.shape.rows(request)).append(") ").append(rows)
                        .append(itemJoins).append(" where ").append(rows).append(".rn > ").append(request.offset())
                        .append(") f) ").append(alias).append(" on true");
                // as text at the statement's level: read by JsonItems, not decoded into maps by the driver
                columns.append(", ").append(alias).append(depth == 1 ? ".items::text" : ".items")
                        .append(" as \"").append(alias).append(".items\"");
                folds.add(new Fold(relation, alias, asked.getKey(), arguments, request, steps, inner));
            }
            return List.copyOf(folds);
        }

        /** The field's arguments as graphql-java will give them to its fetcher; null if they do not coerce. */
        private Map<String, Object> arguments(GraphQLFieldDefinition definition, Field field) {
            return coercion.of(environment, definition, field);
        }

        private static PageRequest request(ToMany relation, Map<String, Object> arguments) {
            try {
                return relation.shape.request(arguments);
            } catch (RuntimeException refused) {
                return null; // a page size or cursor the resolver refuses, with its message
            }
        }

        /** The object type of the list's items, through a connection's nodes; null for scalars and abstract types. */
        private static GraphQLObjectType itemType(GraphQLFieldDefinition definition, ToMany relation) {
            GraphQLType type = GraphQLTypeUtil.unwrapAll(definition.getType());
            if (relation.shape.paths().length > 0 && type instanceof GraphQLObjectType connection
                    && connection.getFieldDefinition("nodes") != null) {
                type = GraphQLTypeUtil.unwrapAll(connection.getFieldDefinition("nodes").getType());
            }
            return type instanceof GraphQLObjectType object ? object : null;
        }
    }
}
