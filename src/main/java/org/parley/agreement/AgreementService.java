package org.parley.agreement;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.api.NodeType;
import org.parley.api.PartialDate;
import org.parley.audit.Audit;
import org.parley.provenance.AttestationInput;
import org.parley.provenance.Provenance;
import org.parley.write.DateInputs;
import org.parley.write.DeleteInput;
import org.parley.write.GivenFields;
import org.parley.write.InputValidation;
import org.parley.write.LiveRows;
import org.parley.write.Slugs;
import org.parley.write.SoftDeletes;
import org.parley.write.UserError;
import org.parley.write.UserErrorCode;
import org.parley.write.UserErrorException;
import org.parley.write.Writes;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Writes of agreements, one transaction each, audit entry included. */
@ApplicationScoped
public class AgreementService {

    /** Statements about an agreement keep it from being deleted: they would point at a tombstone. */
    private static final List<SoftDeletes.Blocker> DELETE_BLOCKERS = List.of(new SoftDeletes.Blocker(
            UserErrorCode.IN_USE, "statements about it", "select count(*) from statement_about_agreement sa"
                    + " join statement s on s.id = sa.statement_id where sa.agreement_id = :id"
                    + " and s.deleted_at is null"));

    private final InputValidation validation;
    private final Audit audit;

    AgreementService(InputValidation validation, Audit audit) {
        this.validation = validation;
        this.audit = audit;
    }

    /** A step as stored: its values, and the source it cites (decoded). */
    private record Step(AgreementStepInput input, PartialDate date, Long source) {

        /** The step's values as one comparable text, the same for a stored row. */
        String key() {
            return join(input.status.name(), date == null ? null : date.date,
                    date == null ? null : date.precision.name(), source, input.note);
        }

        static String join(Object... values) {
            List<String> parts = new ArrayList<>();
            for (Object value : values) {
                parts.add(String.valueOf(value));
            }
            return String.join("|", parts);
        }
    }

    /** Creates an agreement; returns its id. */
    @WithTransaction
    public Uni<Long> create(CreateAgreementInput input) {
        validation.check(input);
        List<Long> parties = parties(input.parties);
        Long signedAt = Provenance.id(input.signedAt, NodeType.ENCOUNTER, "input", "signedAt");
        List<Step> steps = steps(input.steps);
        List<Long> sources = Provenance.sourceIds(input.attestations);
        AgreementEntity agreement = new AgreementEntity();
        agreement.kind = input.kind.name();
        agreement.title = input.title.strip();
        agreement.summary = input.summary;
        agreement.signedAtId = signedAt;
        agreement.modifiedAt = OffsetDateTime.now();
        return checkReferences(parties, signedAt, steps, sources)
                .chain(() -> Slugs.free("agreement", Slugs.of(agreement.title, "agreement")))
                .chain(slug -> {
                    agreement.slug = slug;
                    return agreement.<AgreementEntity> persist();
                })
                .chain(() -> insertLists(agreement.id, parties, steps, input.attestations, sources))
                .chain(() -> audit.record("createAgreement", NodeType.AGREEMENT, agreement.id))
                .replaceWith(() -> agreement.id);
    }

    /**
     * Applies the given changes if the agreement is still at the given version; returns its id. A field left out
     * keeps its value, null clears it; a list given replaces the stored one. Values equal to the stored ones are no
     * change: no new version, no change entry.
     */
    @WithTransaction
    public Uni<Long> update(UpdateAgreementInput input, GivenFields given) {
        validation.check(input);
        long id = Provenance.id(input.id, NodeType.AGREEMENT, "input", "id");
        boolean titleGiven = given.set("title", input.title);
        boolean kindGiven = given.set("kind", input.kind);
        List<Long> parties = given.set("parties", input.parties) ? parties(input.parties) : null;
        List<Long> sources = given.set("attestations", input.attestations)
                ? Provenance.sourceIds(input.attestations) : null;
        List<Step> steps = given.has("steps") ? steps(input.steps) : null;
        Long signedAt = Provenance.id(input.signedAt, NodeType.ENCOUNTER, "input", "signedAt");
        return LiveRows.entity(AgreementEntity.class, id, "input", "id")
                .call(agreement -> {
                    if (input.version != null) {
                        Writes.requireVersion("agreement", agreement.version, input.version);
                    }
                    return checkReferences(parties == null ? List.of() : parties,
                            given.has("signedAt") ? signedAt : null, steps == null ? List.of() : steps,
                            sources == null ? List.of() : sources);
                })
                .call(agreement -> changedLists(id, parties, steps, input.attestations, sources).chain(lists -> {
                    boolean changed = !lists.isEmpty();
                    if (titleGiven && !input.title.strip().equals(agreement.title)) {
                        agreement.title = input.title.strip();
                        changed = true;
                    }
                    if (kindGiven && !input.kind.name().equals(agreement.kind)) {
                        agreement.kind = input.kind.name();
                        changed = true;
                    }
                    if (given.has("summary") && !Objects.equals(input.summary, agreement.summary)) {
                        agreement.summary = input.summary;
                        changed = true;
                    }
                    if (given.has("signedAt") && !Objects.equals(signedAt, agreement.signedAtId)) {
                        agreement.signedAtId = signedAt;
                        changed = true;
                    }
                    if (!changed) {
                        return Uni.createFrom().voidItem();
                    }
                    agreement.modifiedAt = OffsetDateTime.now(); // a new version even when only a list changed
                    return Panache.flush()
                            .chain(() -> replaceLists(id, lists, parties, steps, input.attestations, sources))
                            .chain(() -> audit.record("updateAgreement", NodeType.AGREEMENT, id));
                }))
                .map(agreement -> agreement.id);
    }

    /** Deletes an agreement, leaving a tombstone; refused while live statements are about it. */
    @WithTransaction
    public Uni<Void> delete(DeleteInput input) {
        long id = SoftDeletes.id(input, NodeType.AGREEMENT);
        return SoftDeletes.delete("agreement", id, input.version, DELETE_BLOCKERS)
                .chain(() -> audit.record("deleteAgreement", NodeType.AGREEMENT, id));
    }

    private static List<Long> parties(List<String> ids) {
        List<Long> parties = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            parties.add(Provenance.id(ids.get(i), NodeType.ACTOR, "input", "parties", String.valueOf(i)));
        }
        Provenance.once(parties, "each party once", "parties", null);
        return parties;
    }

    private static List<Step> steps(List<AgreementStepInput> inputs) {
        List<Step> steps = new ArrayList<>();
        if (inputs == null) {
            return steps;
        }
        for (int i = 0; i < inputs.size(); i++) {
            AgreementStepInput step = inputs.get(i);
            steps.add(new Step(step, DateInputs.plain(step.date, "input", "steps", String.valueOf(i), "date"),
                    Provenance.id(step.source, NodeType.SOURCE, "input", "steps", String.valueOf(i), "source")));
        }
        return steps;
    }

    /** Every ID must name a live row; the rows stay locked for share, so that a concurrent delete waits. */
    private static Uni<Void> checkReferences(List<Long> parties, Long signedAt, List<Step> steps, List<Long> sources) {
        List<Long> stepSources = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).source() != null) {
                stepSources.add(steps.get(i).source());
                positions.add(i);
            }
        }
        return Provenance.requireExisting("actor", parties, "parties", null)
                .chain(() -> LiveRows.require("encounter", signedAt, LiveRows.Lock.SHARE, "input", "signedAt"))
                .chain(() -> Provenance.requireExisting("source", sources, "attestations", "source"))
                .chain(() -> LiveRows.ids("source", stepSources, LiveRows.Lock.SHARE).invoke(found -> {
                    List<UserError> errors = new ArrayList<>();
                    for (int i = 0; i < stepSources.size(); i++) {
                        if (!found.contains(stepSources.get(i))) {
                            errors.add(LiveRows.notFound("source", "input", "steps",
                                    String.valueOf(positions.get(i)), "source"));
                        }
                    }
                    if (!errors.isEmpty()) {
                        throw new UserErrorException(errors);
                    }
                }))
                .replaceWithVoid();
    }

    /** Which of the lists given differ from the stored ones: "parties", "steps", "attestations". */
    private static Uni<List<String>> changedLists(long id, List<Long> parties, List<Step> steps,
            List<AttestationInput> attestations, List<Long> sources) {
        List<String> changed = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (parties != null) {
            chain = chain.chain(() -> stored("select actor_id from agreement_party where agreement_id = :id"
                    + " order by position", id)).invoke(rows -> {
                        if (!rows.equals(parties.stream().map(String::valueOf).toList())) {
                            changed.add("parties");
                        }
                    }).replaceWithVoid();
        }
        if (steps != null) {
            chain = chain.chain(() -> stored("select concat_ws('|', status, coalesce(step_date::text, 'null'),"
                    + " coalesce(step_precision, 'null'), coalesce(source_id::text, 'null'), coalesce(note, 'null'))"
                    + " from agreement_step where agreement_id = :id order by position", id)).invoke(rows -> {
                        if (!rows.equals(steps.stream().map(Step::key).toList())) {
                            changed.add("steps");
                        }
                    }).replaceWithVoid();
        }
        if (attestations != null) {
            List<String> given = new ArrayList<>();
            for (int i = 0; i < attestations.size(); i++) {
                AttestationInput a = attestations.get(i);
                PartialDate reported = DateInputs.plain(a.reportedDate, "input", "attestations", String.valueOf(i), "reportedDate");
                given.add(Step.join(sources.get(i), a.excerpt.strip(), a.note, reported == null ? null : reported.date,
                        reported == null ? null : reported.precision.name()));
            }
            chain = chain.chain(() -> stored("select concat_ws('|', source_id, excerpt, coalesce(note, 'null'),"
                    + " coalesce(reported_date::text, 'null'), coalesce(reported_precision, 'null'))"
                    + " from agreement_attestation where agreement_id = :id order by position", id)).invoke(rows -> {
                        if (!rows.equals(given)) {
                            changed.add("attestations");
                        }
                    }).replaceWithVoid();
        }
        return chain.replaceWith(changed);
    }

    private static Uni<List<String>> stored(String sql, long id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Object.class)
                .setParameter("id", id).getResultList())
                .map(rows -> rows.stream().map(String::valueOf).toList());
    }

    private static Uni<Void> replaceLists(long id, List<String> changed, List<Long> parties, List<Step> steps,
            List<AttestationInput> attestations, List<Long> sources) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String list : changed) {
            String table = "agreement_" + switch (list) {
                case "parties" -> "party";
                case "steps" -> "step";
                default -> "attestation";
            };
            chain = chain.chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery(
                    "delete from " + table + " where agreement_id = :id").setParameter("id", id).executeUpdate())
                    .replaceWithVoid();
        }
        return chain.chain(() -> insertLists(id, changed.contains("parties") ? parties : List.of(),
                changed.contains("steps") ? steps : List.of(),
                changed.contains("attestations") ? attestations : List.of(), sources));
    }

    private static Uni<Void> insertLists(long id, List<Long> parties, List<Step> steps,
            List<AttestationInput> attestations, List<Long> sources) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < parties.size(); i++) {
            long actor = parties.get(i);
            int position = i;
            chain = chain.chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery(
                    "insert into agreement_party (agreement_id, actor_id, position) values (:id, :actor, :position)")
                    .setParameter("id", id).setParameter("actor", actor).setParameter("position", position)
                    .executeUpdate()).replaceWithVoid();
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            int position = i;
            chain = chain.chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery(
                    "insert into agreement_step (agreement_id, position, status, step_date, step_precision,"
                            + " source_id, note) values (:id, :position, :status, :date, :precision, :source, :note)")
                    .setParameter("id", id).setParameter("position", position)
                    .setParameter("status", step.input().status.name())
                    .setParameter("date", step.date() == null ? null : step.date().date)
                    .setParameter("precision", step.date() == null ? null : step.date().precision.name())
                    .setParameter("source", step.source()).setParameter("note", step.input().note)
                    .executeUpdate()).replaceWithVoid();
        }
        for (int i = 0; i < attestations.size(); i++) {
            AttestationInput attestation = attestations.get(i);
            long source = sources.get(i);
            int position = i;
            PartialDate reported = DateInputs.plain(attestation.reportedDate, "input", "attestations",
                    String.valueOf(i), "reportedDate");
            chain = chain.chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery(
                    "insert into agreement_attestation (agreement_id, source_id, excerpt, note, reported_date,"
                            + " reported_precision, position) values (:id, :source, :excerpt, :note, :reported,"
                            + " :precision, :position)")
                    .setParameter("id", id).setParameter("source", source).setParameter("position", position)
                    .setParameter("excerpt", attestation.excerpt.strip()).setParameter("note", attestation.note)
                    .setParameter("reported", reported == null ? null : reported.date)
                    .setParameter("precision", reported == null ? null : reported.precision.name())
                    .executeUpdate()).replaceWithVoid();
        }
        return chain;
    }
}
