package org.parley.read;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The count behind the pages of one list field: how many items each parent's whole list holds. Counting the whole
 * list costs more than reading a page (every matching row instead of an index walk that stops after the page), so
 * it runs only when a client selects {@code totalCount}, once for all the pages it was made for, whatever their
 * number.
 */
public final class ListCount {

    /** For pages that need no statement: a parent that does not exist holds nothing. */
    public static final ListCount NONE = new ListCount(null, null, (Tuple) null);

    private final Pool pool;
    private final String sql;
    private final Supplier<Tuple> args;
    private Uni<Map<Long, Integer>> totals;

    /** @param sql answers one row {@code (parent_id, total)} for each parent that has items */
    ListCount(Pool pool, String sql, Tuple args) {
        this(pool, sql, () -> args);
    }

    /**
     * As above, with arguments known only when counting: the parents of a folded list ({@link Lookahead}) are
     * collected while its statement's rows are mapped, before any {@code totalCount} runs.
     */
    ListCount(Pool pool, String sql, Supplier<Tuple> args) {
        this.pool = pool;
        this.sql = sql;
        this.args = args;
    }

    /** The statement counting, for each parent key of the array {@code $1}, the rows {@code fromOneParent} finds. */
    static String perParent(String fromOneParent) {
        return "select parent.id as parent_id, counted.total from unnest($1::bigint[]) as parent(id)"
                + " cross join lateral (select count(*) as total " + fromOneParent + ") counted where counted.total > 0";
    }

    /** The totals by parent key, counted on first use and remembered for every page that shares this count. */
    synchronized Uni<Map<Long, Integer>> totals() {
        if (sql == null) {
            return Uni.createFrom().item(Map.of());
        }
        if (totals == null) {
            totals = pool.preparedQuery(sql).execute(args.get()).map(rows -> {
                Map<Long, Integer> byParent = new HashMap<>();
                for (Row row : rows) {
                    byParent.put(row.getLong("parent_id"), row.getLong("total").intValue());
                }
                return byParent;
            }).memoize().indefinitely();
        }
        return totals;
    }

    /**
     * The {@code totalCount} of each connection, in order, for a batched {@code totalCount} field: one statement per
     * distinct count (one per list field and argument set), not one per connection.
     */
    public static <C> Uni<List<Integer>> of(List<C> connections, Function<C, Page<?>> pageOf) {
        if (connections.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<ListCount, Uni<Map<Long, Integer>>> counts = new IdentityHashMap<>();
        for (C connection : connections) {
            ListCount count = pageOf.apply(connection).count();
            counts.computeIfAbsent(count, ListCount::totals);
        }
        List<ListCount> keys = List.copyOf(counts.keySet());
        return Uni.join().all(keys.stream().map(counts::get).toList()).andFailFast().map(results -> {
            Map<ListCount, Map<Long, Integer>> done = new IdentityHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                done.put(keys.get(i), results.get(i));
            }
            return connections.stream().map(c -> {
                Page<?> page = pageOf.apply(c);
                return done.get(page.count()).getOrDefault(page.parentKey(), 0);
            }).toList();
        });
    }
}
