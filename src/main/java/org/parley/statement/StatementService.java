package org.parley.statement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.audit.Audit;
import org.parley.encounter.EncounterService;
import org.parley.encounter.EncounterStatus;
import org.parley.encounter.RecordEncounterInput;
import org.parley.write.DateInputs;
import org.parley.write.DeleteInput;
import org.parley.write.GivenFields;
import org.parley.write.InputValidation;
import org.parley.write.LiveRows;
import org.parley.api.NodeType;
import org.parley.api.PartialDate;
import org.parley.write.Slugs;
import org.parley.write.SoftDeletes;
import org.parley.write.UserError;
import org.parley.write.UserErrorCode;
import org.parley.write.UserErrorException;
import org.parley.write.Writes;
import org.parley.provenance.Provenance;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Writes of statements, one transaction each: the statement, what it is about, its attestations, the audit entry. */
@ApplicationScoped
public class StatementService {

    /** What keeps a statement from being deleted: live statements that respond to it. */
    private static final List<SoftDeletes.Blocker> DELETE_BLOCKERS = List.of(new SoftDeletes.Blocker(UserErrorCode.IN_USE,
            "statements that respond to it", "select count(*) from statement s where s.responds_to_id = :id"
                    + " and s.deleted_at is null"));

    /** The kinds of statement that may announce an encounter they create. */
    private static final Set<StatementKind> ANNOUNCING = EnumSet.of(StatementKind.INVITATION,
            StatementKind.ANNOUNCEMENT);

    private final InputValidation validation;
    private final Audit audit;
    private final EncounterService encounters;

    StatementService(InputValidation validation, Audit audit, EncounterService encounters) {
        this.validation = validation;
        this.audit = audit;
        this.encounters = encounters;
    }

    /** Records a statement; returns its id. */
    @WithTransaction
    public Uni<Long> record(RecordStatementInput input) {
        validation.check(input);
        if (input.speaker == null && input.speakerLabel == null) {
            throw new UserErrorException(UserError.of(UserErrorCode.INVALID,
                    "give the speaker (an actor) or a speakerLabel describing them", "input", "speaker"));
        }
        Long speaker = Provenance.id(input.speaker, NodeType.ACTOR, "input", "speaker");
        Long encounter = Provenance.id(input.encounter, NodeType.ENCOUNTER, "input", "encounter");
        Long respondsTo = Provenance.id(input.respondsTo, NodeType.STATEMENT, "input", "respondsTo");
        List<Long> about = ids(input.about, NodeType.ACTOR, "about");
        List<Long> distinctAbout = new ArrayList<>(new LinkedHashSet<>(about));
        List<Long> aboutEncounters = ids(input.aboutEncounters, NodeType.ENCOUNTER, "aboutEncounters");
        List<Long> aboutAgreements = ids(input.aboutAgreements, NodeType.AGREEMENT, "aboutAgreements");
        if (input.announces != null && !ANNOUNCING.contains(input.kind)) {
            throw new UserErrorException(UserError.of(UserErrorCode.INVALID,
                    "only an INVITATION or ANNOUNCEMENT announces an encounter", "input", "announces"));
        }
        List<Long> sources = Provenance.sourceIds(input.attestations);
        PartialDate saidOn = DateInputs.interval(input.saidOn, "input", "saidOn");

        StatementEntity statement = new StatementEntity();
        statement.text = input.text.strip();
        statement.mode = input.mode.name();
        statement.kind = input.kind.name();
        statement.speakerId = speaker;
        statement.speakerLabel = input.speakerLabel;
        statement.setSaidOn(saidOn);
        statement.encounterId = encounter;
        statement.respondsToId = respondsTo;
        statement.modifiedAt = OffsetDateTime.now();
        // for share: a concurrent delete of a referenced row waits for this write (see SoftDeletes)
        return LiveRows.require("actor", speaker, LiveRows.Lock.SHARE, "input", "speaker")
                .chain(() -> LiveRows.require("encounter", encounter, LiveRows.Lock.SHARE, "input", "encounter"))
                .chain(() -> LiveRows.require("statement", respondsTo, LiveRows.Lock.SHARE, "input", "respondsTo"))
                .chain(() -> Provenance.requireExisting("actor", about, "about", null))
                .chain(() -> Provenance.requireExisting("encounter", aboutEncounters, "aboutEncounters", null))
                .chain(() -> Provenance.requireExisting("agreement", aboutAgreements, "aboutAgreements", null))
                .chain(() -> recordAnnounced(input, saidOn))
                .invoke(announced -> {
                    if (announced != null) {
                        aboutEncounters.add(announced);
                    }
                })
                .chain(() -> Provenance.requireExisting("source", sources, "attestations", "source"))
                .chain(() -> nextPosition())
                .invoke(position -> statement.position = position)
                .chain(() -> Slugs.free("statement", Slugs.of(statement.text, "statement")))
                .chain(slug -> {
                    statement.slug = slug;
                    return statement.<StatementEntity> persist();
                })
                .chain(() -> insertAbout(statement.id, distinctAbout))
                .chain(() -> insertAboutRecords("statement_about_encounter", "encounter_id", statement.id,
                        aboutEncounters))
                .chain(() -> insertAboutRecords("statement_about_agreement", "agreement_id", statement.id,
                        aboutAgreements))
                .chain(() -> Provenance.insertAll("statement_id", statement.id, input.attestations, sources))
                .chain(() -> audit.record("recordStatement", NodeType.STATEMENT, statement.id))
                .replaceWith(() -> statement.id);
    }

    /**
     * Applies the given changes if the statement is still at the given version; returns its id. A field left out
     * keeps its value, null clears it (text, mode and kind cannot be cleared, nor the speaker's description of a
     * statement without a speaker); values equal to the stored ones are no change: no new version, no change entry.
     */
    @WithTransaction
    public Uni<Long> update(UpdateStatementInput input, GivenFields given) {
        validation.check(input);
        long id = Provenance.id(input.id, NodeType.STATEMENT, "input", "id");
        boolean textGiven = given.set("text", input.text);
        boolean modeGiven = given.set("mode", input.mode);
        boolean kindGiven = given.set("kind", input.kind);
        return LiveRows.entity(StatementEntity.class, id, "input", "id")
                .call(statement -> {
                    Writes.requireVersion("statement", statement.version, input.version);
                    boolean changed = false;
                    if (textGiven && !input.text.strip().equals(statement.text)) {
                        statement.text = input.text.strip();
                        changed = true;
                    }
                    if (modeGiven && !input.mode.name().equals(statement.mode)) {
                        statement.mode = input.mode.name();
                        changed = true;
                    }
                    if (kindGiven && !input.kind.name().equals(statement.kind)) {
                        statement.kind = input.kind.name();
                        changed = true;
                    }
                    if (given.has("speakerLabel") && !Objects.equals(input.speakerLabel, statement.speakerLabel)) {
                        if (input.speakerLabel == null && statement.speakerId == null) {
                            throw new UserErrorException(UserError.of(UserErrorCode.INVALID, "cannot be cleared:"
                                    + " the statement has no speaker, this is all that says who spoke", "input",
                                    "speakerLabel"));
                        }
                        statement.speakerLabel = input.speakerLabel;
                        changed = true;
                    }
                    if (given.has("saidOn")) {
                        PartialDate saidOn = DateInputs.interval(input.saidOn, "input", "saidOn");
                        if (!Objects.equals(saidOn, statement.saidOn())) {
                            statement.setSaidOn(saidOn);
                            changed = true;
                        }
                    }
                    if (!changed) {
                        return Uni.createFrom().voidItem();
                    }
                    statement.modifiedAt = OffsetDateTime.now();
                    return Panache.flush().chain(() -> audit.record("updateStatement", NodeType.STATEMENT, id));
                })
                .map(statement -> statement.id);
    }

    /** Deletes the statement if no live row refers to it, leaving a tombstone. */
    @WithTransaction
    public Uni<Void> delete(DeleteInput input) {
        long id = SoftDeletes.id(input, NodeType.STATEMENT);
        return SoftDeletes.delete("statement", id, input.version, DELETE_BLOCKERS)
                .chain(() -> audit.record("deleteStatement", NodeType.STATEMENT, id));
    }

    /** Statements said on the same date keep the order in which they were recorded. */
    private static Uni<Integer> nextPosition() {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select coalesce(max(position) + 1, 0) from statement", Integer.class).getSingleResult());
    }

    /**
     * Records the encounter that the statement announces (null when none) in this transaction, as PLANNED and
     * attested by the statement's sources, its PLANNED step effective from the day the statement was made; its user
     * errors name their fields under {@code input.announces}.
     */
    private Uni<Long> recordAnnounced(RecordStatementInput input, PartialDate saidOn) {
        AnnouncedEncounterInput announced = input.announces;
        if (announced == null) {
            return Uni.createFrom().nullItem();
        }
        RecordEncounterInput encounter = new RecordEncounterInput();
        encounter.kind = announced.kind;
        encounter.title = announced.title;
        encounter.summary = announced.summary;
        encounter.status = EncounterStatus.PLANNED;
        encounter.start = announced.start;
        encounter.place = announced.place;
        encounter.partOf = announced.partOf;
        encounter.participants = announced.participants;
        encounter.attestations = input.attestations;
        return Uni.createFrom().deferred(() -> encounters.record(encounter, saidOn))
                .onFailure(UserErrorException.class).transform(failure -> new UserErrorException(
                        ((UserErrorException) failure).errors().stream().map(StatementService::underAnnounces).toList()));
    }

    private static UserError underAnnounces(UserError error) {
        List<String> field = new ArrayList<>(error.field);
        if (!field.isEmpty() && field.get(0).equals("input") && !(field.size() > 1 && field.get(1).equals("attestations"))) {
            field.add(1, "announces");
        }
        return new UserError(field, error.message, error.code);
    }

    /** The row ids of a list of global IDs of one kind; a malformed one is NOT_FOUND at its index. */
    private static List<Long> ids(List<String> globalIds, NodeType type, String field) {
        List<Long> ids = new ArrayList<>();
        List<String> given = globalIds == null ? List.of() : globalIds;
        for (int i = 0; i < given.size(); i++) {
            ids.add(Provenance.id(given.get(i), type, "input", field, String.valueOf(i)));
        }
        return ids;
    }

    /**
     * One insert for all the records of one kind a statement is about (encounters, agreements), in their order,
     * each once: {@code table} is the link table, {@code column} its column naming the record.
     */
    private static Uni<Void> insertAboutRecords(String table, String column, long statementId, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into " + table + " (statement_id, " + column + ", position)"
                        + " select :statement, t.id, t.ord - 1 from unnest(cast(:ids as bigint[]))"
                        + " with ordinality t(id, ord)")
                .setParameter("statement", statementId)
                .setParameter("ids", new LinkedHashSet<>(ids).toArray(new Long[0]))
                .executeUpdate()).replaceWithVoid();
    }

    /** One insert for all the actors a statement is about, in their order. */
    private static Uni<Void> insertAbout(long statementId, List<Long> actors) {
        if (actors.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into statement_about (statement_id, actor_id, position)"
                        + " select :statement, t.actor, t.ord - 1 from unnest(cast(:actors as bigint[])) with ordinality"
                        + " t(actor, ord)")
                .setParameter("statement", statementId)
                .setParameter("actors", actors.toArray(new Long[0]))
                .executeUpdate()).replaceWithVoid();
    }
}
