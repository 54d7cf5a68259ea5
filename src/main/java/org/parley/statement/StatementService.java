package org.parley.statement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import org.parley.write.LinkCycles;
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

    /** What keeps a statement from being deleted: live statements that respond to it or comment on it. */
    private static final List<SoftDeletes.Blocker> DELETE_BLOCKERS = List.of(new SoftDeletes.Blocker(UserErrorCode.IN_USE,
            "statements that respond to it", "select count(*) from statement s where s.responds_to_id = :id"
                    + " and s.deleted_at is null"),
            new SoftDeletes.Blocker(UserErrorCode.IN_USE, "statements about it", "select count(*) from"
                    + " statement_about_statement sa join statement s on s.id = sa.statement_id"
                    + " where sa.about_statement_id = :id and s.deleted_at is null"));

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
        Map<AboutKind, List<Long>> about = new EnumMap<>(AboutKind.class);
        for (AboutKind kind : AboutKind.values()) {
            about.put(kind, ids(kind.recorded.apply(input), kind));
        }
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
                .chain(() -> requireExisting(about))
                .chain(() -> recordAnnounced(input, saidOn))
                .invoke(announced -> {
                    if (announced != null) {
                        about.get(AboutKind.ENCOUNTER).add(announced);
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
                .chain(() -> insertAll(statement.id, about))
                .chain(() -> Provenance.insertAll("statement_id", statement.id, input.attestations, sources))
                .chain(() -> audit.record("recordStatement", NodeType.STATEMENT, statement.id))
                .replaceWith(() -> statement.id);
    }

    /**
     * Applies the given changes if the statement is still at the given version; returns its id. A field left out
     * keeps its value, null clears it (text, mode and kind cannot be cleared, nor both the speaker and the speaker's
     * description); a list given replaces the stored one. Values equal to the stored ones are no change: no new
     * version, no change entry.
     */
    @WithTransaction
    public Uni<Long> update(UpdateStatementInput input, GivenFields given) {
        validation.check(input);
        long id = Provenance.id(input.id, NodeType.STATEMENT, "input", "id");
        boolean textGiven = given.set("text", input.text);
        boolean modeGiven = given.set("mode", input.mode);
        boolean kindGiven = given.set("kind", input.kind);
        Long speaker = Provenance.id(input.speaker, NodeType.ACTOR, "input", "speaker");
        Long encounter = Provenance.id(input.encounter, NodeType.ENCOUNTER, "input", "encounter");
        Long respondsTo = Provenance.id(input.respondsTo, NodeType.STATEMENT, "input", "respondsTo");
        List<AboutLinks> about = AboutLinks.given(input, given, id);
        return LiveRows.entity(StatementEntity.class, id, "input", "id")
                .call(statement -> {
                    Writes.requireVersion("statement", statement.version, input.version);
                    return checkLinks(statement, given, speaker, encounter, respondsTo, about);
                })
                .call(statement -> changed(id, about).chain(changedAbout -> {
                    boolean changed = !changedAbout.isEmpty();
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
                    if (given.has("speaker") && !Objects.equals(speaker, statement.speakerId)) {
                        statement.speakerId = speaker;
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
                    if (statement.speakerId == null && statement.speakerLabel == null) {
                        throw new UserErrorException(UserError.of(UserErrorCode.INVALID, "cannot be cleared: the"
                                + " statement has no speakerLabel; give one in the same update to say who spoke",
                                "input", "speaker"));
                    }
                    if (given.has("saidOn")) {
                        PartialDate saidOn = DateInputs.interval(input.saidOn, "input", "saidOn");
                        if (!Objects.equals(saidOn, statement.saidOn())) {
                            statement.setSaidOn(saidOn);
                            changed = true;
                        }
                    }
                    if (given.has("encounter") && !Objects.equals(encounter, statement.encounterId)) {
                        statement.encounterId = encounter;
                        changed = true;
                    }
                    if (given.has("respondsTo") && !Objects.equals(respondsTo, statement.respondsToId)) {
                        statement.respondsToId = respondsTo;
                        changed = true;
                    }
                    if (!changed) {
                        return Uni.createFrom().voidItem();
                    }
                    statement.modifiedAt = OffsetDateTime.now(); // a new version even when only a list changed
                    return Panache.flush()
                            .chain(() -> replace(id, changedAbout))
                            .chain(() -> audit.record("updateStatement", NodeType.STATEMENT, id));
                }))
                .map(statement -> statement.id);
    }

    /**
     * A list of what a statement is about, as an update gives it: its kind and the ids of the records named, in the
     * order given (repeats included, so that errors name the index).
     */
    private record AboutLinks(AboutKind kind, List<Long> ids) {

        /** The lists the update gives; null counts as an empty list (it clears). */
        static List<AboutLinks> given(UpdateStatementInput input, GivenFields given, long statementId) {
            List<AboutLinks> lists = new ArrayList<>();
            for (AboutKind kind : AboutKind.values()) {
                if (!given.has(kind.field)) {
                    continue;
                }
                List<Long> ids = StatementService.ids(kind.updated.apply(input), kind);
                int itself = kind == AboutKind.STATEMENT ? ids.indexOf(statementId) : -1;
                if (itself >= 0) {
                    throw new UserErrorException(UserError.of(UserErrorCode.INVALID,
                            "a statement cannot be about itself", "input", kind.field, String.valueOf(itself)));
                }
                lists.add(new AboutLinks(kind, ids));
            }
            return lists;
        }

        List<Long> distinct() {
            return new ArrayList<>(new LinkedHashSet<>(ids));
        }
    }

    /**
     * Checks the references an update changes: live rows (locked for share, as a new statement's are), and a
     * statement it answers that is neither itself nor one of its answers, however indirect.
     */
    private static Uni<Void> checkLinks(StatementEntity statement, GivenFields given, Long speaker, Long encounter,
            Long respondsTo, List<AboutLinks> about) {
        Uni<Void> checks = Uni.createFrom().voidItem();
        if (given.has("speaker") && !Objects.equals(speaker, statement.speakerId)) {
            checks = checks.chain(() -> LiveRows.require("actor", speaker, LiveRows.Lock.SHARE, "input", "speaker"));
        }
        if (given.has("encounter") && !Objects.equals(encounter, statement.encounterId)) {
            checks = checks.chain(() -> LiveRows.require("encounter", encounter, LiveRows.Lock.SHARE, "input",
                    "encounter"));
        }
        if (given.has("respondsTo") && !Objects.equals(respondsTo, statement.respondsToId)) {
            checks = checks.chain(() -> LinkCycles.refuse("statement", "responds_to_id", statement.id, respondsTo,
                    "respondsTo", "cannot answer itself or a statement that answers it: a thread has no loops"));
        }
        for (AboutLinks links : about) {
            checks = checks.chain(() -> Provenance.requireExisting(links.kind().target(), links.ids(),
                    links.kind().field, null));
        }
        return checks;
    }

    /** The lists among {@code about} that differ from the stored ones (order counts: it is the order read back). */
    private static Uni<List<AboutLinks>> changed(long statementId, List<AboutLinks> about) {
        List<AboutLinks> changed = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (AboutLinks links : about) {
            chain = chain.chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery(
                    "select " + links.kind().column + " from " + links.kind().table + " where statement_id = :statement"
                            + " order by position", Long.class)
                    .setParameter("statement", statementId).getResultList())
                    .invoke(stored -> {
                        if (!stored.equals(links.distinct())) {
                            changed.add(links);
                        }
                    }).replaceWithVoid();
        }
        return chain.replaceWith(changed);
    }

    /** Replaces the stored lists by the given ones. */
    private static Uni<Void> replace(long statementId, List<AboutLinks> lists) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (AboutLinks links : lists) {
            chain = chain.chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery(
                    "delete from " + links.kind().table + " where statement_id = :statement")
                    .setParameter("statement", statementId).executeUpdate())
                    .chain(() -> insertAboutRecords(links.kind(), statementId, links.distinct()));
        }
        return chain;
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
    private static List<Long> ids(List<String> globalIds, AboutKind kind) {
        List<Long> ids = new ArrayList<>();
        List<String> given = globalIds == null ? List.of() : globalIds;
        for (int i = 0; i < given.size(); i++) {
            ids.add(Provenance.id(given.get(i), kind.type, "input", kind.field, String.valueOf(i)));
        }
        return ids;
    }

    /** Every record named exists and is live (NOT_FOUND at the field and index of the first that is not). */
    private static Uni<Void> requireExisting(Map<AboutKind, List<Long>> about) {
        Uni<Void> checks = Uni.createFrom().voidItem();
        for (Map.Entry<AboutKind, List<Long>> entry : about.entrySet()) {
            AboutKind kind = entry.getKey();
            checks = checks.chain(() -> Provenance.requireExisting(kind.target(), entry.getValue(), kind.field, null));
        }
        return checks;
    }

    /** Links a new statement to everything it is about, one insert per kind that has any. */
    private static Uni<Void> insertAll(long statementId, Map<AboutKind, List<Long>> about) {
        Uni<Void> inserts = Uni.createFrom().voidItem();
        for (Map.Entry<AboutKind, List<Long>> entry : about.entrySet()) {
            inserts = inserts.chain(() -> insertAboutRecords(entry.getKey(), statementId, entry.getValue()));
        }
        return inserts;
    }

    /** One insert for all the records of one kind a statement is about, in their order, each once. */
    private static Uni<Void> insertAboutRecords(AboutKind kind, long statementId, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into " + kind.table + " (statement_id, " + kind.column + ", position)"
                        + " select :statement, t.id, t.ord - 1 from unnest(cast(:ids as bigint[]))"
                        + " with ordinality t(id, ord)")
                .setParameter("statement", statementId)
                .setParameter("ids", new LinkedHashSet<>(ids).toArray(new Long[0]))
                .executeUpdate()).replaceWithVoid();
    }
}
