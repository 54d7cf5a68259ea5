package org.parley.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Helpers for batch resolvers: collect the keys of all parents of a level, then line the rows of the one statement
 * that read them up with the parents, index by index, as SmallRye's batching requires.
 */
public final class Batch {

    private Batch() {
    }

    /**
     * A join that reads, for each row on its left, the row of {@code table} (aliased {@code alias}) that
     * {@code condition} names by key. A batch joins a few hundred children to tables of many thousand rows; with
     * a plain join PostgreSQL's default costs (random_page_cost 4) chose to hash or merge the whole table instead
     * (every actor read for the participants of one page; figures in docs/BENCHMARKS.md). OFFSET 0 keeps the subquery from being flattened back into that plain join.
     */
    public static String lookup(String table, String alias, String condition) {
        return " cross join" + lateral(table, alias, condition);
    }

    /** As {@link #lookup}, keeping the left row (with nulls) when there is no such row. */
    public static String leftLookup(String table, String alias, String condition) {
        return " left join" + lateral(table, alias, condition) + " on true";
    }

    private static String lateral(String table, String alias, String condition) {
        return " lateral (select " + alias + ".* from " + table + " " + alias + " where " + condition + " offset 0) "
                + alias;
    }

    /** The distinct non-null keys of the parents, as the array bound to {@code = any($1)}. */
    public static <P> Long[] keys(List<P> parents, Function<P, Long> key) {
        Set<Long> keys = new LinkedHashSet<>();
        for (P parent : parents) {
            Long value = key.apply(parent);
            if (value != null) {
                keys.add(value);
            }
        }
        return keys.toArray(Long[]::new);
    }

    /** Groups rows by the long column {@code parentColumn}, keeping row order, one list per parent (empty if none). */
    public static <P, C> List<List<C>> group(List<P> parents, Function<P, Long> key, RowSet<Row> rows,
            String parentColumn, Function<Row, C> mapper) {
        Map<Long, List<C>> byParent = new HashMap<>();
        for (Row row : rows) {
            byParent.computeIfAbsent(row.getLong(parentColumn), k -> new ArrayList<>()).add(mapper.apply(row));
        }
        List<List<C>> aligned = new ArrayList<>(parents.size());
        for (P parent : parents) {
            aligned.add(byParent.getOrDefault(key.apply(parent), List.of()));
        }
        return aligned;
    }

    /**
     * Follows a single-valued reference for all parents at once: one read of the distinct foreign keys, then each
     * parent gets the object its key points at (null for a null key or a missing row).
     */
    public static <P, C> Uni<List<C>> follow(List<P> parents, Function<P, Long> foreignKey,
            Function<Long[], Uni<Map<Long, C>>> byIds) {
        return byIds.apply(keys(parents, foreignKey)).map(found -> pick(parents, foreignKey, found));
    }

    /** Reads rows by id with {@code sql} (whose $1 is the id array), keyed by their {@code id} column. */
    public static <T> Uni<Map<Long, T>> byIds(Pool pool, String sql, Long[] ids, Function<Row, T> mapper) {
        return byIds(pool, sql, ids, Lookahead.NONE, mapper);
    }

    /** As above, with what {@code ahead} reads joined to each row. */
    public static <T> Uni<Map<Long, T>> byIds(Pool pool, String sql, Long[] ids, Lookahead ahead,
            Function<Row, T> mapper) {
        if (ids.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        Function<Row, T> map = ahead.mapper(pool, mapper);
        return pool.preparedQuery(ahead.around(sql)).execute(Tuple.of(ids)).map(rows -> {
            Map<Long, T> byId = new HashMap<>();
            rows.forEach(row -> byId.put(row.getLong("id"), map.apply(row)));
            return byId;
        });
    }

    /** For single-valued references: the object each parent's foreign key points at, or null. */
    private static <P, C> List<C> pick(List<P> parents, Function<P, Long> foreignKey, Map<Long, C> byId) {
        List<C> aligned = new ArrayList<>(parents.size());
        for (P parent : parents) {
            Long id = foreignKey.apply(parent);
            aligned.add(id == null ? null : byId.get(id));
        }
        return aligned;
    }
}
