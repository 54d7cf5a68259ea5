package org.parley.write;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import org.parley.api.GlobalId;
import org.parley.api.NodeType;
import org.parley.errors.BadUserInputException;

/**
 * Deletes that leave a tombstone: the row keeps its data and gets {@code deleted_at}, reads skip it, and the change
 * feed ({@code tombstones}) reports it. A delete is refused while live rows still refer to the object, so that
 * nothing live points at a tombstone. Runs in the caller's transaction.
 */
public final class SoftDeletes {

    private SoftDeletes() {
    }

    /**
     * A reason to refuse: {@code countSql} (a native query with parameter {@code :id}) counts the live rows that
     * still depend on the object; {@code what} names them in the message.
     */
    public record Blocker(UserErrorCode code, String what, String countSql) {
    }

    /** Decodes the ID of a delete input; a malformed one or one of another type is NOT_FOUND. */
    public static long id(DeleteInput input, NodeType type) {
        try {
            return GlobalId.decode(input.id, type, "input.id");
        } catch (BadUserInputException e) {
            throw new UserErrorException(UserError.of(UserErrorCode.NOT_FOUND, e.getMessage(), "input", "id"));
        }
    }

    /**
     * Tombstones row {@code id} of {@code table} if it is live, at {@code version}, and no blocker counts a row.
     * Blockers come from the caller and from every {@link Referrers} bean. The row is locked first, so that a
     * concurrent write that refers to it (and locks it for share) either commits before the check or waits and then
     * finds it deleted.
     */
    public static Uni<Void> delete(String table, long id, int version, List<Blocker> blockers) {
        List<Blocker> all = new ArrayList<>(blockers);
        Arc.container().select(Referrers.class).forEach(referrers -> all.addAll(referrers.of(table)));
        return LiveRows.rows(table, List.of(id), LiveRows.Lock.UPDATE, "version")
                .invoke(rows -> {
                    if (rows.isEmpty()) {
                        throw new UserErrorException(LiveRows.notFound(table, "input", "id"));
                    }
                    Writes.requireVersion(table, ((Number) rows.get(0)[1]).intValue(), version);
                })
                .chain(() -> blockers(id, all))
                .chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery(
                        "update " + table + " set deleted_at = now(), modified_at = now(), version = version + 1"
                                + " where id = :id")
                        .setParameter("id", id).executeUpdate())
                .replaceWithVoid();
    }

    private static Uni<Void> blockers(long id, List<Blocker> blockers) {
        List<UserError> errors = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Blocker blocker : blockers) {
            chain = chain.chain(() -> Panache.getSession()).chain(session -> session
                    .createNativeQuery(blocker.countSql(), Long.class).setParameter("id", id).getSingleResult())
                    .invoke(count -> {
                        if (count > 0) {
                            errors.add(UserError.of(blocker.code(), "still needed by " + count + " " + blocker.what(),
                                    "input", "id"));
                        }
                    }).replaceWithVoid();
        }
        return chain.invoke(() -> {
            if (!errors.isEmpty()) {
                throw new UserErrorException(errors);
            }
        });
    }
}
