package org.parley.write;

import java.util.ArrayList;
import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * The two live rows of a merge ({@code input.keep} and {@code input.merge}), locked for update in id order and
 * checked against the versions the merge is based on.
 */
public record MergePair(Object[] kept, Object[] merged) {

    /**
     * Locks both rows of {@code table}; each row holds id, version, then {@code columns}. Refuses the same record
     * twice (INVALID), a missing one (NOT_FOUND) and a stale version (CONFLICT).
     */
    public static Uni<MergePair> lock(String table, String what, long keep, int keepVersion, long merge,
            int mergeVersion, String... columns) {
        if (keep == merge) {
            throw new UserErrorException(UserError.of(UserErrorCode.INVALID,
                    "the " + what + " to keep and the " + what + " to merge are the same", "input", "merge"));
        }
        String[] selected = new String[columns.length + 1];
        selected[0] = "version";
        System.arraycopy(columns, 0, selected, 1, columns.length);
        return LiveRows.rows(table, List.of(keep, merge), LiveRows.Lock.UPDATE, selected).map(rows -> {
            Object[] kept = find(rows, keep);
            Object[] merged = find(rows, merge);
            List<UserError> errors = new ArrayList<>();
            if (kept == null) {
                errors.add(LiveRows.notFound(what, "input", "keep"));
            }
            if (merged == null) {
                errors.add(LiveRows.notFound(what, "input", "merge"));
            }
            if (!errors.isEmpty()) {
                throw new UserErrorException(errors);
            }
            Writes.requireVersion(what + " to keep", ((Number) kept[1]).intValue(), keepVersion);
            Writes.requireVersion(what + " to merge", ((Number) merged[1]).intValue(), mergeVersion);
            return new MergePair(kept, merged);
        });
    }

    private static Object[] find(List<Object[]> rows, long id) {
        return rows.stream().filter(row -> ((Number) row[0]).longValue() == id).findFirst().orElse(null);
    }
}
