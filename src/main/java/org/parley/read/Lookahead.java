package org.parley.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.api.Context;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Selection-aware batch reads. A batch read of a type looks at what the query selects below its objects and joins,
 * into its one statement, every to-one relation of that type ({@link ToOne}) the query asks for, and theirs in
 * turn ({@code respondsTo { speaker }}): each a lateral subquery on the related row's primary key, its columns
 * named {@code "laN.column"} in the same row. The mapped objects carry the related objects ({@link Related}), and
 * the to-one fields return them with no statement and no batch of their own. To-many relations keep their own
 * batch, one statement per level.
 * <p>
 * The selection is read from the document (the field's merged occurrences, fragments expanded), not from
 * graphql-java's normalized operation, which costs a pass over the whole operation. Reading ahead a field that
 * {@code @skip} or a type condition then leaves out costs a join, never a wrong answer; a field the batch's first
 * occurrence does not select (SmallRye hands the loader one occurrence's environment) goes through its resolver.
 */
public final class Lookahead {

    /** Reads nothing ahead. */
    public static final Lookahead NONE = new Lookahead(List.of(), "", "");

    /** Joins per statement at most; relations beyond go through their resolvers. */
    static final int MAX_JOINS = 12;

    /** The alias of the rows a batch reads, in {@link Paging}'s statements; the first joins refer to it. */
    static final String ROWS = "page";

    private record Step(ToOne relation, String alias, List<Step> below) {
    }

    private final List<Step> steps;
    private final String columns;
    private final String joins;

    private Lookahead(List<Step> steps, String columns, String joins) {
        this.steps = steps;
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
        List<Field> objects = new ArrayList<>();
        if (paths.length == 0) {
            objects.addAll(environment.getMergedField().getFields());
        }
        for (String path : paths) {
            List<Field> level = environment.getMergedField().getFields();
            for (String name : path.split("\\.")) {
                level = children(level, fragments).stream().filter(f -> f.getName().equals(name)).toList();
            }
            objects.addAll(level);
        }
        Builder builder = new Builder(fragments);
        List<Step> steps = builder.steps(children(objects, fragments), relations, ROWS);
        return steps.isEmpty() ? NONE : new Lookahead(steps, builder.columns.toString(), builder.joins.toString());
    }

    /** Whether anything is read ahead. */
    public boolean isEmpty() {
        return steps.isEmpty();
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
    public <T> Function<Row, T> mapper(Function<Row, T> mapper) {
        return new Function<>() {
            private Map<String, Integer> own;
            private Map<String, Map<String, Integer>> byAlias;

            @Override
            public T apply(Row row) {
                io.vertx.sqlclient.Row columns = row.getDelegate();
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
                }
                return item;
            }
        };
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

    /** The immediate fields below {@code fields}, fragments expanded. */
    private static List<Field> children(List<Field> fields, Map<String, FragmentDefinition> fragments) {
        List<Field> children = new ArrayList<>();
        for (Field field : fields) {
            collect(field.getSelectionSet(), fragments, children);
        }
        return children;
    }

    private static void collect(SelectionSet set, Map<String, FragmentDefinition> fragments, List<Field> into) {
        if (set == null) {
            return;
        }
        for (Selection<?> selection : set.getSelections()) {
            if (selection instanceof Field field) {
                into.add(field);
            } else if (selection instanceof InlineFragment inline) {
                collect(inline.getSelectionSet(), fragments, into);
            } else if (selection instanceof FragmentSpread spread && fragments.get(spread.getName()) != null) {
                collect(fragments.get(spread.getName()).getSelectionSet(), fragments, into);
            }
        }
    }

    private static final class Builder {

        private final Map<String, FragmentDefinition> fragments;
        private final StringBuilder columns = new StringBuilder();
        private final StringBuilder joins = new StringBuilder();
        private int count;

        Builder(Map<String, FragmentDefinition> fragments) {
            this.fragments = fragments;
        }

        /** The relations among {@code relations} that {@code selected} asks for, joined to {@code parent}. */
        List<Step> steps(List<Field> selected, List<ToOne> relations, String parent) {
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
                steps.add(new Step(relation, alias, steps(children(asked, fragments), relation.below.get(), alias)));
            }
            return List.copyOf(steps);
        }
    }
}
