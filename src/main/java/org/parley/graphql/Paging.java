package org.parley.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

/**
 * Reads one page per parent (by parent key) for any number of parents in ONE statement: a window numbers each parent's rows and
 * counts them, and the outer query keeps the rows of the requested page plus one look-ahead row (for
 * {@code hasNextPage}) plus row 1 (so that the total count is known even when the page is past the end).
 * A root connection is the same query with a single parent.
 */
public final class Paging {

    private Paging() {
    }

    /**
     * @param columns what to select for each item
     * @param from the {@code from ... where ...} part, its arguments already in {@code args}
     * @param partitionBy the expression naming an item's parent, or null for a root list
     * @param orderBy the order of items within a parent
     */
    public static <T> Uni<Map<Long, Page<T>>> pages(Pool pool, String columns, String from, String partitionBy,
            String orderBy, SqlArgs args, PageRequest request, Long[] parentKeys, Function<Row, T> mapper) {
        String parent = partitionBy == null ? "0::bigint" : partitionBy;
        String partition = partitionBy == null ? "" : "partition by " + partitionBy;
        String firstRow = args.add(request.offset() + 1);
        String lookAhead = args.add(request.offset() + request.first() + 1);
        String sql = "select * from (select " + columns + ", " + parent + " as parent_id"
                + ", row_number() over (" + partition + " order by " + orderBy + ") as rn"
                + ", count(*) over (" + partition + ") as total " + from + ") paged"
                + " where rn = 1 or rn between " + firstRow + " and " + lookAhead
                + " order by parent_id, rn";
        return pool.preparedQuery(sql).execute(args.tuple())
                .map(rows -> toPages(rows, request, parentKeys, mapper));
    }

    /** The single page of a root list. */
    public static <T> Uni<Page<T>> page(Pool pool, String columns, String from, String orderBy, SqlArgs args,
            PageRequest request, Function<Row, T> mapper) {
        return pages(pool, columns, from, null, orderBy, args, request, new Long[] { 0L }, mapper)
                .map(pages -> pages.get(0L));
    }

    private static <T> Map<Long, Page<T>> toPages(RowSet<Row> rows, PageRequest request, Long[] parentKeys,
            Function<Row, T> mapper) {
        Map<Long, List<T>> items = new HashMap<>();
        Map<Long, Integer> totals = new HashMap<>();
        for (Row row : rows) {
            long parent = row.getLong("parent_id");
            totals.put(parent, row.getLong("total").intValue());
            long rn = row.getLong("rn");
            if (rn > request.offset() && rn <= request.offset() + request.first()) {
                items.computeIfAbsent(parent, k -> new ArrayList<>()).add(mapper.apply(row));
            }
        }
        Map<Long, Page<T>> pages = new HashMap<>();
        for (Long key : parentKeys) {
            int total = totals.getOrDefault(key, 0);
            pages.put(key, new Page<>(items.getOrDefault(key, List.of()), request.offset(), total,
                    total > request.offset() + request.first()));
        }
        return pages;
    }
}
