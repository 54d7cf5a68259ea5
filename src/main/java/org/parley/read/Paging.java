package org.parley.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/** Reads one page of a root list, or one page per parent for any number of parents, in ONE statement. */
public final class Paging {

    private Paging() {
    }

    /**
     * One page per parent for any number of parents, in one statement: for each parent key (the array {@code $1}) a
     * lateral subquery reads the page in order with a limit, so an index on the parent and the order stops after the
     * page, whatever the parent's size. The parents' totals are counted only if asked for ({@link ListCount}).
     *
     * @param columns what to select for each item
     * @param fromOneParent the {@code from ... where ...} part for the parent whose key is {@code parent.id}; its
     *        other arguments already in {@code args}, whose {@code $1} is the array of parent keys
     * @param orderBy the order of items within a parent
     */
    public static <T> Uni<Map<Long, Page<T>>> pages(Pool pool, String columns, String fromOneParent, String orderBy,
            SqlArgs args, PageRequest request, Long[] parentKeys, Function<Row, T> mapper) {
        return pages(pool, columns, fromOneParent, orderBy, args, request, parentKeys, Lookahead.NONE, mapper);
    }

    /** As above, with the to-one relations {@code ahead} names read in the same statement. */
    public static <T> Uni<Map<Long, Page<T>>> pages(Pool pool, String columns, String fromOneParent, String orderBy,
            SqlArgs args, PageRequest request, Long[] parentKeys, Lookahead ahead, Function<Row, T> mapper) {
        return pages(pool, columns, fromOneParent, fromOneParent, orderBy, args, request, parentKeys, ahead, mapper);
    }

    /**
     * As above, counting the parents' totals with {@code countFromOneParent}: the same items, found another way where
     * the page's way is slow to count (a join that probes a row per item only to check it is live).
     */
    public static <T> Uni<Map<Long, Page<T>>> pages(Pool pool, String columns, String fromOneParent,
            String countFromOneParent, String orderBy, SqlArgs args, PageRequest request, Long[] parentKeys,
            Lookahead ahead, Function<Row, T> mapper) {
        ListCount count = new ListCount(pool, ListCount.perParent(countFromOneParent), args.tuple());
        String firstRow = args.add(request.offset() + 1);
        String lookAhead = args.add(request.offset() + request.first() + 1);
        String sql = "select page.*, parent.id as parent_id" + ahead.columns()
                + " from unnest($1::bigint[]) as parent(id)"
                + " cross join lateral (select " + columns + ", row_number() over (order by " + orderBy + ") as rn "
                + fromOneParent + " order by " + orderBy + " limit " + lookAhead + ") page" + ahead.joins()
                + " where page.rn >= " + firstRow
                + " order by parent.id, page.rn";
        Function<Row, T> map = ahead.mapper(pool, mapper);
        return pool.preparedQuery(sql).execute(args.tuple()).map(rows -> {
            Map<Long, List<Row>> byParent = new HashMap<>();
            for (Row row : rows) {
                byParent.computeIfAbsent(row.getLong("parent_id"), k -> new ArrayList<>()).add(row);
            }
            Map<Long, Page<T>> pages = new HashMap<>();
            for (Long key : parentKeys) {
                pages.put(key, toPage(byParent.getOrDefault(key, List.of()), request, count, key, map));
            }
            return pages;
        });
    }

    /** One page per parent of the list {@code relation} declares, as {@link #pages} with its parts. */
    public static <T> Uni<Map<Long, Page<T>>> pages(Pool pool, ToMany relation, PageRequest request, Long[] parentKeys,
            Lookahead ahead, Function<Row, T> mapper) {
        return pages(pool, relation.columns, relation.fromOneParent, relation.shape.countFromOneParent(),
                relation.orderBy, new SqlArgs(parentKeys), request, parentKeys, ahead, mapper);
    }

    /** The first items of each parent of the list {@code relation} declares, as {@link #firstOfEach} with its parts. */
    public static <P, T> Uni<List<List<T>>> firstOfEach(Pool pool, ToMany relation, PageRequest request,
            List<P> parents, Function<P, Long> key, Lookahead ahead, Function<Row, T> mapper) {
        return firstOfEach(pool, relation.columns, relation.fromOneParent, relation.orderBy, request, parents, key,
                ahead, mapper);
    }

    /**
     * The first {@code request.first()} children of each parent, for any number of parents, in one statement, as
     * lists lined up with {@code parents}: the plain list fields ({@code Encounter.participants}) are bounded like
     * pages, so that no parent with thousands of children can make an answer larger than its cost says.
     *
     * @param fromOneParent as for {@link #pages}: the children of the parent whose key is {@code parent.id}
     * @param more the arguments {@code $2}, {@code $3}... that the SQL parts use ({@code $1} is the parents' keys)
     */
    public static <P, T> Uni<List<List<T>>> firstOfEach(Pool pool, String columns, String fromOneParent,
            String orderBy, PageRequest request, List<P> parents, Function<P, Long> key, Function<Row, T> mapper,
            Object... more) {
        return firstOfEach(pool, columns, fromOneParent, orderBy, request, parents, key, Lookahead.NONE, mapper, more);
    }

    /** As above, with the to-one relations {@code ahead} names read in the same statement. */
    public static <P, T> Uni<List<List<T>>> firstOfEach(Pool pool, String columns, String fromOneParent,
            String orderBy, PageRequest request, List<P> parents, Function<P, Long> key, Lookahead ahead,
            Function<Row, T> mapper, Object... more) {
        SqlArgs args = new SqlArgs(Batch.keys(parents, key));
        for (Object value : more) {
            args.add(value);
        }
        String limit = args.add(request.first());
        String sql = "select page.*, parent.id as parent_id" + ahead.columns()
                + " from unnest($1::bigint[]) as parent(id)"
                + " cross join lateral (select " + columns + ", row_number() over (order by " + orderBy + ") as rn "
                + fromOneParent + " order by " + orderBy + " limit " + limit + ") page" + ahead.joins()
                + " order by parent.id, page.rn";
        Function<Row, T> map = ahead.mapper(pool, mapper);
        return pool.preparedQuery(sql).execute(args.tuple())
                .map(rows -> Batch.group(parents, key, rows, "parent_id", map));
    }

    /**
     * The single page of a root list: the rows of the page plus one look-ahead row (for {@code hasNextPage}), in
     * order. The total is counted only if asked for ({@link ListCount}).
     */
    public static <T> Uni<Page<T>> page(Pool pool, String columns, String from, String orderBy, SqlArgs args,
            PageRequest request, Function<Row, T> mapper) {
        return page(pool, columns, from, orderBy, args, request, Lookahead.NONE, mapper);
    }

    /**
     * As above, with the to-one relations {@code ahead} names read in the same statement: the page is read as
     * before and numbered, the relations joined to it, and the rows put back in the page's order.
     */
    public static <T> Uni<Page<T>> page(Pool pool, String columns, String from, String orderBy, SqlArgs args,
            PageRequest request, Lookahead ahead, Function<Row, T> mapper) {
        ListCount count = new ListCount(pool, "select 0::bigint as parent_id, count(*) as total " + from,
                args.tuple());
        String limit = args.add(request.first() + 1);
        String offset = args.add(request.offset());
        String sql = ahead.isEmpty()
                ? "select " + columns + " " + from + " order by " + orderBy + " limit " + limit + " offset " + offset
                : "select page.*" + ahead.columns() + " from (select " + columns + ", row_number() over (order by "
                        + orderBy + ") as rn " + from + " order by " + orderBy + " limit " + limit + " offset " + offset
                        + ") page" + ahead.joins() + " order by page.rn";
        Function<Row, T> map = ahead.mapper(pool, mapper);
        return pool.preparedQuery(sql).execute(args.tuple()).map(rows -> {
            List<Row> list = new ArrayList<>();
            rows.forEach(list::add);
            return toPage(list, request, count, 0L, map);
        });
    }

    private static <T> Page<T> toPage(List<Row> rows, PageRequest request, ListCount count, long parentKey,
            Function<Row, T> mapper) {
        List<T> items = new ArrayList<>(Math.min(rows.size(), request.first()));
        for (int i = 0; i < rows.size() && i < request.first(); i++) {
            items.add(mapper.apply(rows.get(i)));
        }
        return new Page<>(items, request.offset(), rows.size() > request.first(), count, parentKey);
    }
}
