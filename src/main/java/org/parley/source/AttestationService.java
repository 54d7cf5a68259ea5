package org.parley.source;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.audit.Audit;
import org.parley.write.InputValidation;
import org.parley.write.LiveRows;
import org.parley.api.NodeType;
import org.parley.write.UserError;
import org.parley.write.UserErrorCode;
import org.parley.write.UserErrorException;
import org.parley.provenance.AttestationInput;
import org.parley.provenance.Provenance;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Adds and withdraws attestations of encounters, statements and agreements, one transaction each; the subject's row
 * is locked so removals serialise.
 */
@ApplicationScoped
public class AttestationService {

    /**
     * What an attestation is about: an encounter or a statement (attested in {@code attestation}), or an agreement
     * (in {@code agreement_attestation}, ordered, as {@code updateAgreement} and the import write it).
     */
    public record Subject(NodeType type, long id) {
        String table() {
            return switch (type) {
                case ENCOUNTER -> "encounter";
                case STATEMENT -> "statement";
                case AGREEMENT -> "agreement";
                default -> throw new IllegalArgumentException(type.name());
            };
        }

        String column() {
            return table() + "_id";
        }

        String attestationTable() {
            return type == NodeType.AGREEMENT ? "agreement_attestation" : "attestation";
        }
    }

    private final InputValidation validation;
    private final Audit audit;

    AttestationService(InputValidation validation, Audit audit) {
        this.validation = validation;
        this.audit = audit;
    }

    /** Records the attestation; returns its subject. */
    @WithTransaction
    public Uni<Subject> attest(AttestInput input) {
        validation.check(input);
        Subject subject = subject(input.encounter, input.statement, input.agreement);
        long source = Provenance.id(input.source, NodeType.SOURCE, "input", "source");
        AttestationInput attestation = new AttestationInput();
        attestation.source = input.source;
        attestation.excerpt = input.excerpt;
        attestation.note = input.note;
        attestation.reportedDate = input.reportedDate;
        return LiveRows.require("source", source, LiveRows.Lock.SHARE, "input", "source")
                .chain(() -> lock(subject))
                .chain(() -> Provenance.insert(subject.column(), subject.id(), source, attestation))
                .invoke(inserted -> {
                    if (inserted == 0) {
                        throw new UserErrorException(UserError.of(UserErrorCode.TAKEN,
                                "this source already attests it: one attestation per source", "input", "source"));
                    }
                })
                .chain(() -> audit.record("attest", subject.type(), subject.id()))
                .replaceWith(subject);
    }

    /** Removes the attestation unless it is the subject's last; returns the subject. */
    @WithTransaction
    public Uni<Subject> remove(RemoveAttestationInput input) {
        validation.check(input);
        Subject subject = subject(input.encounter, input.statement, input.agreement);
        long source = Provenance.id(input.source, NodeType.SOURCE, "input", "source");
        return lock(subject)
                .chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery(
                        "select source_id from " + subject.attestationTable() + " where " + subject.column()
                                + " = :subject", Long.class)
                        .setParameter("subject", subject.id()).getResultList())
                .invoke(sources -> {
                    if (!sources.contains(source)) {
                        throw Provenance.notFound("this source does not attest it", "input", "source");
                    }
                    if (sources.size() == 1) {
                        throw new UserErrorException(UserError.of(UserErrorCode.LAST_ATTESTATION,
                                "this is its only source: attest it with another source first", "input", "source"));
                    }
                })
                .chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery(
                        "delete from " + subject.attestationTable() + " where " + subject.column()
                                + " = :subject and source_id = :source")
                        .setParameter("subject", subject.id()).setParameter("source", source).executeUpdate())
                .chain(() -> audit.record("removeAttestation", subject.type(), subject.id()))
                .replaceWith(subject);
    }

    /**
     * Marks the subject changed, which also locks its row (and checks it exists): attestation changes of one subject
     * run one at a time, and the change feed shows the subject. An agreement also gets a new version: its
     * attestations are part of what {@code updateAgreement} replaces, so an update based on the list read before
     * is refused (CONFLICT) rather than undoing this change.
     */
    private static Uni<Void> lock(Subject subject) {
        String version = subject.type() == NodeType.AGREEMENT ? ", version = version + 1" : "";
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "update " + subject.table() + " set modified_at = now()" + version
                        + " where id = :id and deleted_at is null")
                .setParameter("id", subject.id()).executeUpdate())
                .invoke(updated -> {
                    if (updated == 0) {
                        throw Provenance.notFound("No " + subject.table() + " with this ID", "input", subject.table());
                    }
                }).replaceWithVoid();
    }

    private static Subject subject(String encounter, String statement, String agreement) {
        int given = (encounter == null ? 0 : 1) + (statement == null ? 0 : 1) + (agreement == null ? 0 : 1);
        if (given != 1) {
            throw new UserErrorException(UserError.of(UserErrorCode.INVALID,
                    "give exactly one of encounter, statement and agreement", "input"));
        }
        if (encounter != null) {
            return new Subject(NodeType.ENCOUNTER, Provenance.id(encounter, NodeType.ENCOUNTER, "input", "encounter"));
        }
        return statement != null
                ? new Subject(NodeType.STATEMENT, Provenance.id(statement, NodeType.STATEMENT, "input", "statement"))
                : new Subject(NodeType.AGREEMENT, Provenance.id(agreement, NodeType.AGREEMENT, "input", "agreement"));
    }
}
