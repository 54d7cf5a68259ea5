package org.parley.write;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Finds live rows (present, not soft-deleted) for a write, in the caller's transaction, and locks them in the mode
 * the write needs (see {@link SoftDeletes}: a delete locks its row for update, a write that adds a reference locks
 * the referenced row for share, so that one of the two waits for the other). A row that is not live is NOT_FOUND,
 * "No {table} with this ID".
 */
public final class LiveRows {

    private LiveRows() {
    }

    /** How a write locks the rows it found, until its transaction ends. */
    public enum Lock {
        /**
         * The write adds a reference to the row: a concurrent delete waits for this write and then counts the
         * reference, or this write waits for the delete and then no longer finds the row.
         */
        SHARE("for share"),
        /** The write deletes or merges the row: writes that refer to it, or change it, wait. */
        UPDATE("for update");

        private final String clause;

        Lock(String clause) {
            this.clause = clause;
        }
    }

    /**
     * The live rows of {@code table} among {@code ids}, locked in id order (so that two writes locking the same
     * rows cannot deadlock): per row its id, then {@code columns}.
     */
    public static Uni<List<Object[]>> rows(String table, List<Long> ids, Lock lock, String... columns) {
        requireName(table);
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        StringBuilder select = new StringBuilder("select id");
        for (String column : columns) {
            select.append(", ").append(requireName(column));
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(select + " from " + table
                + " where id in (:ids) and deleted_at is null order by id " + lock.clause, Object[].class)
                .setParameter("ids", new ArrayList<>(new HashSet<>(ids)))
                .getResultList())
                .map(LiveRows::arrays);
    }

    /** Hibernate returns a query of one column (the id alone) as plain values, not one-element arrays. */
    private static List<Object[]> arrays(List<?> results) {
        List<Object[]> rows = new ArrayList<>(results.size());
        for (Object result : results) {
            rows.add(result instanceof Object[] values ? values : new Object[] { result });
        }
        return rows;
    }

    /** The ids among {@code ids} of live rows of {@code table}, locked. */
    public static Uni<Set<Long>> ids(String table, List<Long> ids, Lock lock) {
        return rows(table, ids, lock).map(rows -> {
            Set<Long> found = new HashSet<>();
            rows.forEach(row -> found.add(((Number) row[0]).longValue()));
            return found;
        });
    }

    /**
     * Fails with NOT_FOUND at {@code path} unless row {@code id} of {@code table} is live; locks it. Nothing to
     * check for a null id (an optional reference left out).
     */
    public static Uni<Void> require(String table, Long id, Lock lock, String... path) {
        if (id == null) {
            return Uni.createFrom().voidItem();
        }
        return ids(table, List.of(id), lock).invoke(found -> {
            if (found.isEmpty()) {
                throw new UserErrorException(notFound(table, path));
            }
        }).replaceWithVoid();
    }

    /**
     * The entity of row {@code id} if it is live, NOT_FOUND at {@code path} otherwise. No row lock: the entity's
     * {@code @Version} refuses the flush if another write (a delete included) changed the row in between.
     */
    public static <E> Uni<E> entity(Class<E> type, long id, String... path) {
        String table = type.getAnnotation(Table.class).name();
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from " + type.getName() + " where id = :id and deletedAt is null", type)
                .setParameter("id", id).getSingleResultOrNull())
                .onItem().ifNull().failWith(() -> new UserErrorException(notFound(table, path)));
    }

    /** NOT_FOUND for a row of {@code table} at {@code path}. */
    public static UserError notFound(String table, String... path) {
        return UserError.of(UserErrorCode.NOT_FOUND, "No " + table + " with this ID", path);
    }

    private static String requireName(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException(name);
        }
        return name;
    }
}
