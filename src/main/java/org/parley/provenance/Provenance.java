package org.parley.provenance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.parley.errors.BadUserInputException;
import org.parley.api.GlobalId;
import org.parley.write.DateInputs;
import org.parley.write.LiveRows;
import org.parley.api.NodeType;
import org.parley.api.PartialDate;
import org.parley.write.UserError;
import org.parley.write.UserErrorCode;
import org.parley.write.UserErrorException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Writes shared by the encounter and statement mutations, in the caller's transaction: attestations, and checks
 * that IDs of the input name existing rows. Problems are user errors, with the path of the input field at fault.
 */
public final class Provenance {

    private Provenance() {
    }

    /** Decodes an ID of the input; a malformed one, or one of another type, is NOT_FOUND at {@code path}. */
    public static Long id(String globalId, NodeType type, String... path) {
        if (globalId == null) {
            return null;
        }
        try {
            return GlobalId.decode(globalId, type, String.join(".", path));
        } catch (BadUserInputException e) {
            throw notFound(e.getMessage(), path);
        }
    }

    /**
     * Refuses (INVALID) a list of IDs that names one record twice, at the row that repeats it:
     * {@code input.listField.index.field} ({@code input.listField.index} for a list of IDs, {@code field} null).
     */
    public static void once(List<Long> ids, String message, String listField, String field) {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!seen.add(ids.get(i))) {
                String row = String.valueOf(i);
                throw new UserErrorException(field == null ? UserError.of(UserErrorCode.INVALID, message, "input", listField, row)
                        : UserError.of(UserErrorCode.INVALID, message, "input", listField, row, field));
            }
        }
    }

    public static UserErrorException notFound(String message, String... path) {
        return new UserErrorException(new UserError(List.of(path), message, UserErrorCode.NOT_FOUND));
    }

    /**
     * Fails with NOT_FOUND at {@code input.listField.index.field} (or {@code input.listField.index} for a list of IDs,
     * {@code field} null) for every id with no live row in {@code table}. The rows found stay locked for share until
     * the transaction ends, so that a concurrent delete waits for this write.
     */
    public static Uni<Void> requireExisting(String table, List<Long> ids, String listField, String field) {
        return LiveRows.ids(table, ids, LiveRows.Lock.SHARE).invoke(existing -> {
            List<UserError> errors = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (!existing.contains(ids.get(i))) {
                    errors.add(field == null ? LiveRows.notFound(table, "input", listField, String.valueOf(i))
                            : LiveRows.notFound(table, "input", listField, String.valueOf(i), field));
                }
            }
            if (!errors.isEmpty()) {
                throw new UserErrorException(errors);
            }
        }).replaceWithVoid();
    }

    /** Decodes the sources of attestations (a user error for any malformed one). */
    public static List<Long> sourceIds(List<AttestationInput> attestations) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < attestations.size(); i++) {
            ids.add(id(attestations.get(i).source, NodeType.SOURCE, "input", "attestations", String.valueOf(i), "source"));
            DateInputs.plain(attestations.get(i).reportedDate, "input", "attestations", String.valueOf(i), "reportedDate");
        }
        once(ids, "one attestation per source: merge the excerpts of a source into one", "attestations", "source");
        return ids;
    }

    /** Inserts the attestations of a new encounter or statement, each with its source from {@link #sourceIds}. */
    public static Uni<Void> insertAll(String subjectColumn, long subjectId, List<AttestationInput> attestations,
            List<Long> sources) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < attestations.size(); i++) {
            AttestationInput attestation = attestations.get(i);
            long source = sources.get(i);
            chain = chain.chain(() -> insert(subjectColumn, subjectId, source, attestation)).replaceWithVoid();
        }
        return chain;
    }

    /**
     * Inserts one attestation of an encounter, a statement or an agreement ({@code subjectColumn}: encounter_id,
     * statement_id or agreement_id; an agreement's go to {@code agreement_attestation}, after the ones it has). None
     * when the source already attests the subject: 0 rows.
     */
    public static Uni<Integer> insert(String subjectColumn, long subjectId, long sourceId, AttestationInput input) {
        String insert = switch (subjectColumn) {
            case "encounter_id", "statement_id" -> "insert into attestation (" + subjectColumn + ", source_id, excerpt,"
                    + " note, reported_date, reported_precision) values (:subject, :source, :excerpt, :note,"
                    + " :reported, :precision)";
            case "agreement_id" -> "insert into agreement_attestation (agreement_id, source_id, excerpt, note,"
                    + " reported_date, reported_precision, position) select :subject, :source, :excerpt, :note,"
                    + " :reported, :precision, coalesce(max(position) + 1, 0) from agreement_attestation"
                    + " where agreement_id = :subject";
            default -> throw new IllegalArgumentException(subjectColumn);
        };
        PartialDate reported = DateInputs.plain(input.reportedDate, "input", "reportedDate");
        return Panache.getSession().chain(session -> session.createNativeQuery(insert + " on conflict do nothing")
                .setParameter("subject", subjectId)
                .setParameter("source", sourceId)
                .setParameter("excerpt", input.excerpt.strip())
                .setParameter("note", input.note)
                .setParameter("reported", reported == null ? null : reported.date)
                .setParameter("precision", reported == null ? null : reported.precision.name())
                .executeUpdate());
    }
}
