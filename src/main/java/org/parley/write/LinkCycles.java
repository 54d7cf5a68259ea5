package org.parley.write;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Links from a record to another of its kind that must stay a forest (an encounter's {@code part_of_id}, a statement's
 * {@code responds_to_id}). A change of such a link takes a transaction-scoped advisory lock of its column, so that
 * two concurrent changes (A to B, B to A) cannot each miss the other's and close a loop.
 */
public final class LinkCycles {

    private LinkCycles() {
    }

    /** Takes the lock of {@code table.column} until the transaction ends. */
    public static Uni<Void> lock(String table, String column) {
        String key = name(table) + "." + name(column);
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select count(*) from (select pg_advisory_xact_lock(hashtext(:key))) l", Long.class)
                .setParameter("key", key).getSingleResult())
                .replaceWithVoid();
    }

    /**
     * Checks, under the lock, that row {@code self} of {@code table} may link to {@code target} through
     * {@code column}: the target is live (locked for share; NOT_FOUND otherwise) and neither {@code self} nor a row
     * that leads to it through the column, however indirectly (INVALID with {@code message}). Nothing to check for a
     * null target (the link cleared). Errors are at {@code input.field}.
     */
    public static Uni<Void> refuse(String table, String column, long self, Long target, String field,
            String message) {
        if (target == null) {
            return Uni.createFrom().voidItem();
        }
        return lock(table, column)
                .chain(() -> LiveRows.require(table, target, LiveRows.Lock.SHARE, "input", field))
                .chain(() -> Panache.getSession())
                // union, not union all: a loop already in the data (an old import) still ends the walk
                .chain(session -> session.createNativeQuery("with recursive up(id) as (select cast(:target as bigint)"
                        + " union select t." + column + " from " + table + " t join up on t.id = up.id"
                        + " where t." + column + " is not null) select count(*) from up where id = :self", Long.class)
                        .setParameter("target", target)
                        .setParameter("self", self)
                        .getSingleResult())
                .invoke(found -> {
                    if (found > 0) {
                        throw new UserErrorException(UserError.of(UserErrorCode.INVALID, message, "input", field));
                    }
                })
                .replaceWithVoid();
    }

    private static String name(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException(name);
        }
        return name;
    }
}
