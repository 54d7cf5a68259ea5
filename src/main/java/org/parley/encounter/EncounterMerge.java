package org.parley.encounter;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.api.NodeType;
import org.parley.audit.Audit;
import org.parley.provenance.Provenance;
import org.parley.write.LinkCycles;
import org.parley.write.MergePair;
import org.parley.write.SqlSteps;
import org.parley.write.UserError;
import org.parley.write.UserErrorCode;
import org.parley.write.UserErrorException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Folds a duplicate encounter into the one that stays, in one transaction: participants, attestations, status steps,
 * statements made there or about it, its parts and the agreements signed there move to the kept encounter, which
 * fills its own gaps (summary, place, dates) from the duplicate; the duplicate becomes a tombstone whose ID resolves
 * to it. No attestation is lost: where one source attests both records, its excerpt of the duplicate goes into the
 * kept attestation's note (a source attests an encounter once, and an excerpt stays the source's own words).
 */
@ApplicationScoped
public class EncounterMerge {

    /** Each step reads parameters :keep and :merge. Order matters: references move before the tombstone is set. */
    private static final List<String> STEPS = List.of(
            // what changes content gets a new version (which also locks it)
            "update statement set version = version + 1, modified_at = now() where deleted_at is null"
                    + " and (encounter_id = :merge"
                    + " or id in (select statement_id from statement_about_encounter where encounter_id = :merge))",
            "update encounter set version = version + 1, modified_at = now() where deleted_at is null"
                    + " and part_of_id = :merge",
            // where an actor took part in both, the kept participation (and role) stays
            "delete from participant p where p.encounter_id = :merge and exists (select 1 from participant k"
                    + " where k.encounter_id = :keep and k.actor_id = p.actor_id)",
            "update participant set encounter_id = :keep, position = position"
                    + " + (select coalesce(max(position) + 1, 0) from participant where encounter_id = :keep)"
                    + " where encounter_id = :merge",
            // one attestation per source: the duplicate's excerpt joins the kept one's note
            "update attestation k set note = left(concat_ws(E'\\n', k.note, 'Excerpt of the merged record: '"
                    + " || m.excerpt), 2000),"
                    + " reported_date = coalesce(k.reported_date, m.reported_date),"
                    + " reported_precision = case when k.reported_date is null then m.reported_precision"
                    + " else k.reported_precision end"
                    + " from attestation m where k.encounter_id = :keep and m.encounter_id = :merge"
                    + " and m.source_id = k.source_id",
            "delete from attestation m where m.encounter_id = :merge and exists (select 1 from attestation k"
                    + " where k.encounter_id = :keep and k.source_id = m.source_id)",
            "update attestation set encounter_id = :keep where encounter_id = :merge",
            // status steps: a step both records have once, then the current status by effective date
            "delete from encounter_status_change m where m.encounter_id = :merge and exists (select 1"
                    + " from encounter_status_change k where k.encounter_id = :keep and k.status = m.status"
                    + " and k.effective_date is not distinct from m.effective_date"
                    + " and k.effective_precision is not distinct from m.effective_precision"
                    + " and k.source_id is not distinct from m.source_id)",
            "update encounter_status_change set encounter_id = :keep where encounter_id = :merge",
            "update statement set encounter_id = :keep where encounter_id = :merge",
            "delete from statement_about_encounter m where m.encounter_id = :merge and exists (select 1"
                    + " from statement_about_encounter k where k.statement_id = m.statement_id"
                    + " and k.encounter_id = :keep)",
            "update statement_about_encounter set encounter_id = :keep where encounter_id = :merge",
            "update encounter set part_of_id = :keep where part_of_id = :merge",
            // agreements signed at the duplicate were signed at the kept encounter (a new version: their content changed)
            "update agreement set signed_at_id = :keep, version = version + 1, modified_at = now()"
                    + " where signed_at_id = :merge",
            // the kept record fills its gaps from the duplicate; each group (place, start, end) moves whole
            "update encounter k set summary = coalesce(k.summary, m.summary),"
                    + " place_name = case when k.place_name is null then m.place_name else k.place_name end,"
                    + " place_locality = case when k.place_name is null then m.place_locality else k.place_locality end,"
                    + " place_country_id = case when k.place_name is null then m.place_country_id"
                    + " else k.place_country_id end,"
                    + " latitude = case when k.place_name is null then m.latitude else k.latitude end,"
                    + " longitude = case when k.place_name is null then m.longitude else k.longitude end,"
                    + " start_date = case when k.start_date is null then m.start_date else k.start_date end,"
                    + " start_precision = case when k.start_date is null then m.start_precision else k.start_precision end,"
                    + " start_until = case when k.start_date is null then m.start_until else k.start_until end,"
                    + " start_earliest = case when k.start_date is null then m.start_earliest else k.start_earliest end,"
                    + " start_latest = case when k.start_date is null then m.start_latest else k.start_latest end,"
                    + " start_resolution = case when k.start_date is null then m.start_resolution else k.start_resolution end,"
                    + " start_note = case when k.start_date is null then m.start_note else k.start_note end,"
                    + " end_date = case when k.end_date is null then m.end_date else k.end_date end,"
                    + " end_precision = case when k.end_date is null then m.end_precision else k.end_precision end,"
                    + " end_until = case when k.end_date is null then m.end_until else k.end_until end,"
                    + " end_earliest = case when k.end_date is null then m.end_earliest else k.end_earliest end,"
                    + " end_latest = case when k.end_date is null then m.end_latest else k.end_latest end,"
                    + " end_resolution = case when k.end_date is null then m.end_resolution else k.end_resolution end,"
                    + " end_note = case when k.end_date is null then m.end_note else k.end_note end,"
                    + " part_of_id = coalesce(k.part_of_id, m.part_of_id),"
                    + " status = (select c.status from encounter_status_change c where c.encounter_id = :keep"
                    + " order by " + StatusChange.LATEST_FIRST + " limit 1),"
                    + " version = k.version + 1, modified_at = now()"
                    + " from encounter m where k.id = :keep and m.id = :merge",
            // the tombstone, and earlier merges into the duplicate now point at the kept encounter
            "update encounter set deleted_at = now(), modified_at = now(), version = version + 1,"
                    + " merged_into_id = :keep where id = :merge",
            "update encounter set merged_into_id = :keep where merged_into_id = :merge");

    private final Audit audit;

    EncounterMerge(Audit audit) {
        this.audit = audit;
    }

    /** Merges {@code input.merge} into {@code input.keep}; returns the kept encounter's id. */
    @WithTransaction
    public Uni<Long> merge(MergeEncountersInput input) {
        long keep = Provenance.id(input.keep, NodeType.ENCOUNTER, "input", "keep");
        long merge = Provenance.id(input.merge, NodeType.ENCOUNTER, "input", "merge");
        return MergePair.lock("encounter", "encounter", keep, input.keepVersion, merge, input.mergeVersion)
                .chain(() -> refuseNested(keep, merge))
                .chain(() -> SqlSteps.run(STEPS, Map.of("keep", keep, "merge", merge)))
                .chain(() -> audit.record("mergeEncounters", NodeType.ENCOUNTER, keep))
                .chain(() -> audit.record("mergeEncounters", NodeType.ENCOUNTER, merge))
                .replaceWith(keep);
    }


    /**
     * One record part of the other (however deep) is not a duplicate, and moving the parts would close a cycle.
     * Takes the lock that moves within the hierarchy take ({@code EncounterService}), so none runs meanwhile.
     */
    private static Uni<Void> refuseNested(long keep, long merge) {
        return LinkCycles.lock("encounter", "part_of_id")
                .chain(() -> Panache.getSession())
                .chain(session -> session.createNativeQuery("with recursive up(id, start) as ("
                        + " select e.part_of_id, e.id from encounter e where e.id in (:keep, :merge)"
                        + " and e.part_of_id is not null"
                        + " union select e.part_of_id, up.start from encounter e join up on e.id = up.id"
                        + " where e.part_of_id is not null)"
                        + " select count(*) from up where (up.start = :keep and up.id = :merge)"
                        + " or (up.start = :merge and up.id = :keep)", Long.class)
                        .setParameter("keep", keep)
                        .setParameter("merge", merge)
                        .getSingleResult())
                .invoke(found -> {
                    if (found > 0) {
                        throw new UserErrorException(UserError.of(UserErrorCode.INVALID, "one encounter is part of"
                                + " the other: they are not two records of one meeting", "input", "merge"));
                    }
                })
                .replaceWithVoid();
    }
}
