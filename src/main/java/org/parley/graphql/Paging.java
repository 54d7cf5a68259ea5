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

/** Reads one page of a root list, or one page per parent for any number of parents, in ONE statement. */
public final class Paging {

    private Paging() {
    }

    /**
     * One page per parent for any number of parents, in one statement: for each parent key (the array {@code $1}) a
     * lateral subquery reads the page in order with a limit (so an index on the parent and the order stops after
     * the page, whatever the parent's size), and a second one counts the parent's items.
     *
     * @param columns what to select for each item
     * @param fromOneParent the {@code from ... where ...} part for the parent whose key is {@code parent.id}; its
     *        other arguments already in {@code args}, whose {@code $1} is the array of parent keys
     * @param orderBy the order of items within a parent
     */
    public static <T> Uni<Map<Long, Page<T>>> pages(Pool pool, String columns, String fromOneParent, String orderBy,
            SqlArgs args, PageRequest request, Long[] parentKeys, Function<Row, T> mapper) {
        String firstRow = args.add(request.offset() + 1);
        String lookAhead = args.add(request.offset() + request.first() + 1);
        String sql = "select page.*, parent.id as parent_id, counted.total"
                + " from unnest($1::bigint[]) as parent(id)"
                + " cross join lateral (select count(*) as total " + fromOneParent + ") counted"
                + " left join lateral (select " + columns + ", row_number() over (order by " + orderBy + ") as rn "
                + fromOneParent + " order by " + orderBy + " limit " + lookAhead + ") page on true"
                + " where page.rn is null or page.rn = 1 or page.rn >= " + firstRow
                + " order by parent.id, page.rn";
        return pool.preparedQuery(sql).execute(args.tuple())
                .map(rows -> toPages(rows, request, parentKeys, mapper));
    }

    /**
     * The single page of a root list: a window numbers the rows and counts them, and the outer query keeps the rows
     * of the requested page plus one look-ahead row (for {@code hasNextPage}) plus row 1 (so that the total count is
     * known even when the page is past the end).
     */
    public static <T> Uni<Page<T>> page(Pool pool, String columns, String from, String orderBy, SqlArgs args,
            PageRequest request, Function<Row, T> mapper) {
        String firstRow = args.add(request.offset() + 1);
        String lookAhead = args.add(request.offset() + request.first() + 1);
        String sql = "select * from (select " + columns + ", 0::bigint as parent_id"
                + ", row_number() over (order by " + orderBy + ") as rn"
                + ", count(*) over () as total " + from + ") paged"
                + " where rn = 1 or rn between " + firstRow + " and " + lookAhead
                + " order by rn";
        return pool.preparedQuery(sql).execute(args.tuple())
                .map(rows -> toPages(rows, request, new Long[] { 0L }, mapper).get(0L));
    }

    private static <T> Map<Long, Page<T>> toPages(RowSet<Row> rows, PageRequest request, Long[] parentKeys,
            Function<Row, T> mapper) {
        Map<Long, List<T>> items = new HashMap<>();
        Map<Long, Integer> totals = new HashMap<>();
        for (Row row : rows) {
            long parent = row.getLong("parent_id");
            totals.put(parent, row.getLong("total").intValue());
            Long rn = row.getLong("rn"); // null: a parent without items
            if (rn != null && rn > request.offset() && rn <= request.offset() + request.first()) {
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
