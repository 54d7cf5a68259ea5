package org.parley.encounter;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.audit.Audit;
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

/** Writes of encounters, one transaction each: the encounter, its participants, attestations, history, audit. */
@ApplicationScoped
public class EncounterService {

    /** What keeps an encounter from being deleted: live statements made at it. */
    private static final List<SoftDeletes.Blocker> DELETE_BLOCKERS = List.of(new SoftDeletes.Blocker(UserErrorCode.IN_USE,
            "statements made at it", "select count(*) from statement s where s.encounter_id = :id and s.deleted_at is null"),
            new SoftDeletes.Blocker(UserErrorCode.IN_USE, "encounters that are part of it",
                    "select count(*) from encounter p where p.part_of_id = :id and p.deleted_at is null"),
            new SoftDeletes.Blocker(UserErrorCode.IN_USE, "statements about it",
                    "select count(*) from statement_about_encounter sa join statement s on s.id = sa.statement_id"
                            + " where sa.encounter_id = :id and s.deleted_at is null"));

    private final InputValidation validation;
    private final Audit audit;

    EncounterService(InputValidation validation, Audit audit) {
        this.validation = validation;
        this.audit = audit;
    }

    /** Records an encounter; returns its id. Its first status step is effective from its start. */
    @WithTransaction
    public Uni<Long> record(RecordEncounterInput input) {
        return record(input, null);
    }

    /**
     * Records an encounter; returns its id. Its first status step is effective from {@code announced} when given
     * (the day a statement announced a planned visit), else from its start.
     */
    @WithTransaction
    public Uni<Long> record(RecordEncounterInput input, PartialDate announced) {
        validation.check(input);
        PartialDate start = DateInputs.interval(input.start, "input", "start");
        PartialDate end = DateInputs.interval(input.end, "input", "end");
        if (endsBeforeStart(start, end)) {
            throw invalid("must not be before start (and needs a start)", "end");
        }
        PlaceInput place = input.place;
        Long placeCountry = placeCountry(place);
        List<Long> actors = participantActors(input.participants);
        List<Long> sources = Provenance.sourceIds(input.attestations);
        Long partOf = Provenance.id(input.partOf, NodeType.ENCOUNTER, "input", "partOf");

        EncounterEntity encounter = new EncounterEntity();
        encounter.partOfId = partOf;
        encounter.kind = input.kind.name();
        encounter.title = input.title.strip();
        encounter.summary = input.summary;
        encounter.status = input.status.name();
        encounter.setStart(start);
        encounter.setEnd(end);
        if (place != null) {
            encounter.setPlace(place, placeCountry);
        }
        encounter.modifiedAt = OffsetDateTime.now();
        return Provenance.requireExisting("actor", actors, "participants", "actor")
                .chain(() -> Provenance.requireExisting("source", sources, "attestations", "source"))
                .chain(() -> LiveRows.require("actor", placeCountry, LiveRows.Lock.SHARE, "input", "place", "country"))
                .chain(() -> LiveRows.require("encounter", partOf, LiveRows.Lock.SHARE, "input", "partOf"))
                .chain(() -> Slugs.free("encounter", Slugs.of(encounter.title, "encounter")))
                .chain(slug -> {
                    encounter.slug = slug;
                    return encounter.<EncounterEntity> persist();
                })
                .chain(() -> insertParticipants(encounter.id, input.participants, actors))
                .chain(() -> Provenance.insertAll("encounter_id", encounter.id, input.attestations, sources))
                .chain(() -> insertStatusChange(encounter.id, encounter.status, announced != null ? announced : start,
                        sources.get(0), null))
                .chain(() -> audit.record("recordEncounter", NodeType.ENCOUNTER, encounter.id))
                .replaceWith(() -> encounter.id);
    }

    /**
     * Applies the given changes if the encounter is still at the given version; returns its id. A field left out
     * keeps its value, null clears it (kind, title and participants cannot be cleared); the participants given
     * replace the stored ones. Values equal to the stored ones are no change: no new version, no change entry.
     */
    @WithTransaction
    public Uni<Long> update(UpdateEncounterInput input, GivenFields given) {
        validation.check(input);
        long id = Provenance.id(input.id, NodeType.ENCOUNTER, "input", "id");
        boolean kindGiven = given.set("kind", input.kind);
        boolean titleGiven = given.set("title", input.title);
        PlaceInput place = input.place;
        Long placeCountry = placeCountry(place);
        boolean movePart = given.has("partOf");
        Long partOf = Provenance.id(input.partOf, NodeType.ENCOUNTER, "input", "partOf");
        List<Long> actors = given.set("participants", input.participants) ? participantActors(input.participants) : null;
        AtomicBoolean partMoved = new AtomicBoolean();
        AtomicBoolean participantsChanged = new AtomicBoolean();
        return LiveRows.entity(EncounterEntity.class, id, "input", "id")
                .call(encounter -> {
                    Writes.requireVersion("encounter", encounter.version, input.version);
                    return LiveRows.require("actor", placeCountry, LiveRows.Lock.SHARE, "input", "place", "country");
                })
                .call(encounter -> actors == null ? Uni.createFrom().voidItem()
                        : Provenance.requireExisting("actor", actors, "participants", "actor")
                                .chain(() -> participantsDiffer(id, input.participants, actors))
                                .invoke(participantsChanged::set).replaceWithVoid())
                .call(encounter -> {
                    if (!movePart || Objects.equals(partOf, encounter.partOfId)) {
                        return Uni.createFrom().voidItem();
                    }
                    return checkPartOf(id, partOf).invoke(() -> {
                        encounter.partOfId = partOf;
                        partMoved.set(true);
                    });
                })
                .call(encounter -> {
                    boolean changed = partMoved.get() || participantsChanged.get();
                    if (kindGiven && !input.kind.name().equals(encounter.kind)) {
                        encounter.kind = input.kind.name();
                        changed = true;
                    }
                    if (titleGiven && !input.title.strip().equals(encounter.title)) {
                        encounter.title = input.title.strip();
                        changed = true;
                    }
                    if (given.has("summary") && !Objects.equals(input.summary, encounter.summary)) {
                        encounter.summary = input.summary;
                        changed = true;
                    }
                    if (given.has("start")) {
                        PartialDate start = DateInputs.interval(input.start, "input", "start");
                        if (!Objects.equals(start, encounter.start())) {
                            encounter.setStart(start);
                            changed = true;
                        }
                    }
                    if (given.has("end")) {
                        PartialDate end = DateInputs.interval(input.end, "input", "end");
                        if (!Objects.equals(end, encounter.end())) {
                            encounter.setEnd(end);
                            changed = true;
                        }
                    }
                    if (endsBeforeStart(encounter.start(), encounter.end())) {
                        throw invalid("must not be before start (and needs a start)", "end");
                    }
                    if (given.has("place") && !samePlace(encounter, place, placeCountry)) {
                        if (place == null) {
                            encounter.clearPlace();
                        } else {
                            encounter.setPlace(place, placeCountry);
                        }
                        changed = true;
                    }
                    if (!changed) {
                        return Uni.createFrom().voidItem();
                    }
                    encounter.modifiedAt = OffsetDateTime.now(); // a new version even when only participants changed
                    return Panache.flush()
                            .chain(() -> participantsChanged.get()
                                    ? replaceParticipants(id, input.participants, actors)
                                    : Uni.createFrom().voidItem())
                            .chain(() -> audit.record("updateEncounter", NodeType.ENCOUNTER, id));
                })
                .map(encounter -> encounter.id);
    }

    /** An end without a start, or one whose period or interval closes before the start's opens. */
    private static boolean endsBeforeStart(PartialDate start, PartialDate end) {
        return end != null && (start == null || end.until().isBefore(start.date)
                || end.latest.isBefore(start.earliest));
    }

    private static boolean samePlace(EncounterEntity encounter, PlaceInput place, Long countryId) {
        if (place == null) {
            return encounter.placeName == null && encounter.placeLocality == null && encounter.placeCountryId == null
                    && encounter.latitude == null;
        }
        return place.name.strip().equals(encounter.placeName) && Objects.equals(place.locality, encounter.placeLocality)
                && Objects.equals(countryId, encounter.placeCountryId)
                && Objects.equals(place.latitude, encounter.latitude)
                && Objects.equals(place.longitude, encounter.longitude);
    }

    /**
     * Adds a step to the encounter's history, if the encounter is still at the given version; its status becomes
     * that of the latest step by effective date, so a backdated step (a plan announced before the meeting that was
     * held) is history, not the current status.
     */
    @WithTransaction
    public Uni<Long> setStatus(SetEncounterStatusInput input) {
        validation.check(input);
        long id = Provenance.id(input.encounter, NodeType.ENCOUNTER, "input", "encounter");
        Long source = Provenance.id(input.source, NodeType.SOURCE, "input", "source");
        return LiveRows.entity(EncounterEntity.class, id, "input", "encounter")
                .call(encounter -> {
                    Writes.requireVersion("encounter", encounter.version, input.version);
                    return LiveRows.require("source", source, LiveRows.Lock.SHARE, "input", "source");
                })
                .call(encounter -> insertStatusChange(id, input.status.name(), DateInputs.plain(input.effective, "input", "effective"),
                        source, input.note))
                // a backdated step goes into the history without becoming the current status
                .call(encounter -> currentStatus(id).invoke(status -> {
                    encounter.status = status;
                    encounter.modifiedAt = OffsetDateTime.now();
                }))
                .call(encounter -> Panache.flush())
                .call(encounter -> audit.record("setEncounterStatus", NodeType.ENCOUNTER, id))
                .map(encounter -> encounter.id);
    }

    /** Deletes the encounter if no live row refers to it, leaving a tombstone. */
    @WithTransaction
    public Uni<Void> delete(DeleteInput input) {
        long id = SoftDeletes.id(input, NodeType.ENCOUNTER);
        return SoftDeletes.delete("encounter", id, input.version, DELETE_BLOCKERS)
                .chain(() -> audit.record("deleteEncounter", NodeType.ENCOUNTER, id));
    }

    /**
     * Checks that encounter {@code id} may become part of {@code parent} (null: of none): the parent is live and is
     * not the encounter or one of its parts, however deep (see {@link LinkCycles}).
     */
    private static Uni<Void> checkPartOf(long id, Long parent) {
        return LinkCycles.refuse("encounter", "part_of_id", id, parent, "partOf",
                "cannot be the encounter itself or one of its parts");
    }

    /** The actors of the participants given; each actor once (INVALID otherwise), a malformed ID NOT_FOUND. */
    private static List<Long> participantActors(List<ParticipantInput> participants) {
        List<Long> actors = new ArrayList<>();
        for (int i = 0; i < participants.size(); i++) {
            actors.add(Provenance.id(participants.get(i).actor, NodeType.ACTOR, "input", "participants",
                    String.valueOf(i), "actor"));
        }
        Provenance.once(actors, "each actor takes part once: give one role per actor", "participants", "actor");
        return actors;
    }

    /** Whether the participants given differ from the stored ones: actor, role, note or order. */
    private static Uni<Boolean> participantsDiffer(long encounterId, List<ParticipantInput> participants,
            List<Long> actors) {
        List<String> given = new ArrayList<>();
        for (int i = 0; i < participants.size(); i++) {
            given.add(actors.get(i) + "|" + participants.get(i).role.name() + "|" + participants.get(i).note);
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("select concat_ws('|', actor_id, role,"
                + " coalesce(note, 'null')) from participant where encounter_id = :encounter order by position",
                String.class).setParameter("encounter", encounterId).getResultList())
                .map(stored -> !stored.equals(given));
    }

    private static Uni<Void> replaceParticipants(long encounterId, List<ParticipantInput> participants,
            List<Long> actors) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "delete from participant where encounter_id = :encounter").setParameter("encounter", encounterId)
                .executeUpdate())
                .chain(() -> insertParticipants(encounterId, participants, actors));
    }

    private static Uni<Void> insertParticipants(long encounterId, List<ParticipantInput> participants, List<Long> actors) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < participants.size(); i++) {
            ParticipantInput participant = participants.get(i);
            long actor = actors.get(i);
            int position = i;
            chain = chain.chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery(
                    "insert into participant (encounter_id, actor_id, role, note, position)"
                            + " values (:encounter, :actor, :role, :note, :position)")
                    .setParameter("encounter", encounterId)
                    .setParameter("actor", actor)
                    .setParameter("role", participant.role.name())
                    .setParameter("note", participant.note)
                    .setParameter("position", position)
                    .executeUpdate()).replaceWithVoid();
        }
        return chain;
    }

    private static Uni<Void> insertStatusChange(long encounterId, String status, PartialDate effective, Long source,
            String note) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into encounter_status_change (encounter_id, status, effective_date, effective_precision,"
                        + " source_id, note) values (:encounter, :status, :date, :precision, :source, :note)")
                .setParameter("encounter", encounterId)
                .setParameter("status", status)
                .setParameter("date", effective == null ? null : effective.date)
                .setParameter("precision", effective == null ? null : effective.precision.name())
                .setParameter("source", source)
                .setParameter("note", note)
                .executeUpdate()).replaceWithVoid();
    }

    /** The status of the history's last step in effective order (see {@link StatusChange#LATEST_FIRST}). */
    private static Uni<String> currentStatus(long encounterId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select c.status from encounter_status_change c where c.encounter_id = :encounter order by "
                        + StatusChange.LATEST_FIRST + " limit 1", String.class)
                .setParameter("encounter", encounterId)
                .getSingleResult());
    }

    /** Checks a place of the input and decodes its country's ID (null without a place or country). */
    private static Long placeCountry(PlaceInput place) {
        if (place == null) {
            return null;
        }
        if ((place.latitude == null) != (place.longitude == null)) {
            throw invalid("give latitude and longitude together, or neither", "place");
        }
        return Provenance.id(place.country, NodeType.ACTOR, "input", "place", "country");
    }

    private static UserErrorException invalid(String message, String field) {
        return new UserErrorException(UserError.of(UserErrorCode.INVALID, message, "input", field));
    }
}
