package org.parley.read;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.mutiny.sqlclient.Row;

/**
 * A to-one relation of a GraphQL type: the parent's field {@code field} holds the row of {@code table} whose id is
 * the parent's {@code foreignKey} column, if that row is live. Declared once beside the parent type, it is what
 * {@link Lookahead} joins into a batch read when the query selects the field. The field's batch resolver stays for
 * the reads that did not look ahead and must answer the same: same table, same liveness condition.
 */
public final class ToOne {

    private static final Pattern QUALIFIED = Pattern.compile("[a-z]+\\.([a-z_]+)");

    final String field;
    final String foreignKey;
    final String from;
    final String select;
    final String live;
    final List<String> names;
    final Function<Row, ? extends Related> mapper;
    final Supplier<List<ToOne>> below;

    /**
     * @param field the GraphQL field of the parent type
     * @param foreignKey the column of the parent's row that holds the related id (one of the parent's columns)
     * @param table the related table, aliased {@code alias} in {@code columns} and {@code live}
     * @param columns what {@code mapper} reads, as {@code alias.column, ...}
     * @param live the condition a related row must meet, e.g. {@code a.deleted_at is null}
     * @param mapper the related object from its row
     * @param below the related type's own to-one relations, for chains ({@code respondsTo { speaker }})
     */
    public ToOne(String field, String foreignKey, String table, String alias, String columns, String live,
            Function<Row, ? extends Related> mapper, Supplier<List<ToOne>> below) {
        this.field = field;
        this.foreignKey = foreignKey;
        this.from = " from " + table + " " + alias + " where " + alias + ".id = ";
        this.select = columns;
        this.names = names(columns);
        this.mapper = mapper;
        this.below = below;
        this.live = live;
    }

    /** The output names of {@code columns}: {@code a.id, a.name} gives {@code id, name}; fails on anything else. */
    private static List<String> names(String columns) {
        List<String> names = new ArrayList<>();
        for (String column : columns.split(",")) {
            Matcher matcher = QUALIFIED.matcher(column.strip());
            if (!matcher.matches()) {
                throw new IllegalArgumentException("not a qualified column: " + column);
            }
            names.add(matcher.group(1));
        }
        return List.copyOf(names);
    }
}
