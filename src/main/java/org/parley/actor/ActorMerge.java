package org.parley.actor;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.audit.Audit;
import org.parley.write.MergePair;
import org.parley.api.NodeType;
import org.parley.write.UserError;
import org.parley.write.UserErrorCode;
import org.parley.write.SqlSteps;
import org.parley.write.UserErrorException;
import org.parley.provenance.Provenance;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Folds a duplicate actor into the one that stays, in one transaction: names, aliases, roles, participations,
 * statements and every reference move to the kept actor, and the duplicate becomes a tombstone whose ID resolves to
 * it. Encounters, statements and actors whose content changes get a new version and show in the change feed.
 */
@ApplicationScoped
public class ActorMerge {

    /** Each step reads parameters :keep and :merge. Order matters: references move before the tombstone is set. */
    private static final List<String> STEPS = List.of(
            // first, what changes content gets a new version (which also locks it)
            "update encounter set version = version + 1, modified_at = now() where deleted_at is null"
                    + " and (place_country_id = :merge"
                    + " or id in (select encounter_id from participant where actor_id = :merge))",
            "update statement set version = version + 1, modified_at = now() where deleted_at is null"
                    + " and (speaker_id = :merge"
                    + " or id in (select statement_id from statement_about where actor_id = :merge))",
            "update actor set version = version + 1, modified_at = now() where deleted_at is null"
                    + " and (country_id = :merge"
                    + " or id in (select actor_id from actor_role where organization_id = :merge))",
            // the duplicate's name and aliases become aliases of the kept actor, unless it already has them
            "insert into actor_alias (actor_id, alias, normalized, position)"
                    + " select :keep, x.alias, x.normalized,"
                    + " (select coalesce(max(position) + 1, 0) from actor_alias where actor_id = :keep)"
                    + " + row_number() over (order by x.position) - 1"
                    + " from (select m.name as alias, m.normalized_name as normalized, -1 as position from actor m"
                    + " where m.id = :merge union all select al.alias, al.normalized, al.position from actor_alias al"
                    + " where al.actor_id = :merge) x"
                    + " where x.normalized <> (select k.normalized_name from actor k where k.id = :keep)"
                    + " and not exists (select 1 from actor_alias k where k.actor_id = :keep"
                    + " and k.normalized = x.normalized)"
                    + " on conflict do nothing",
            "delete from actor_alias where actor_id = :merge",
            // roles follow, numbered after the kept actor's own
            "update actor_role set actor_id = :keep, position = position"
                    + " + (select coalesce(max(position) + 1, 0) from actor_role where actor_id = :keep)"
                    + " where actor_id = :merge",
            "update actor_role set organization_id = :keep where organization_id = :merge",
            // where both took part, the kept actor's participation (and role) stays
            "delete from participant p where p.actor_id = :merge and exists (select 1 from participant k"
                    + " where k.encounter_id = p.encounter_id and k.actor_id = :keep)",
            "update participant set actor_id = :keep where actor_id = :merge",
            "delete from statement_about sa where sa.actor_id = :merge and exists (select 1 from statement_about k"
                    + " where k.statement_id = sa.statement_id and k.actor_id = :keep)",
            "update statement_about set actor_id = :keep where actor_id = :merge",
            // agreements: a party to both keeps one row; the agreements whose parties change get a new version
            "update agreement set version = version + 1, modified_at = now() where deleted_at is null"
                    + " and id in (select agreement_id from agreement_party where actor_id = :merge)",
            "delete from agreement_party ap where ap.actor_id = :merge and exists (select 1 from agreement_party k"
                    + " where k.agreement_id = ap.agreement_id and k.actor_id = :keep)",
            "update agreement_party set actor_id = :keep where actor_id = :merge",
            "update statement set speaker_id = :keep where speaker_id = :merge",
            "update encounter set place_country_id = :keep where place_country_id = :merge",
            "update actor set country_id = :keep where country_id = :merge and id <> :keep",
            // the tombstone, and earlier merges into the duplicate now point at the kept actor
            "update actor set deleted_at = now(), modified_at = now(), version = version + 1, merged_into_id = :keep"
                    + " where id = :merge",
            "update actor set merged_into_id = :keep where merged_into_id = :merge",
            // gaps in the kept record are filled from the duplicate; the Wikidata ID moves (the tombstone lets go)
            "update actor k set wikidata_id = coalesce(k.wikidata_id, m.wikidata_id),"
                    + " description = coalesce(k.description, m.description),"
                    + " country_id = coalesce(k.country_id, nullif(m.country_id, k.id)),"
                    + " version = k.version + 1, modified_at = now()"
                    + " from actor m where k.id = :keep and m.id = :merge",
            "update actor set wikidata_id = null where id = :merge and wikidata_id = (select wikidata_id from actor"
                    + " where id = :keep)");

    private final Audit audit;

    ActorMerge(Audit audit) {
        this.audit = audit;
    }

    /** Merges {@code input.merge} into {@code input.keep}; returns the kept actor's id. */
    @WithTransaction
    public Uni<Long> merge(MergeActorsInput input) {
        long keep = Provenance.id(input.keep, NodeType.ACTOR, "input", "keep");
        long merge = Provenance.id(input.merge, NodeType.ACTOR, "input", "merge");
        return MergePair.lock("actor", "actor", keep, input.keepVersion, merge, input.mergeVersion, "kind")
                .invoke(ActorMerge::sameKind)
                .chain(() -> SqlSteps.run(STEPS, Map.of("keep", keep, "merge", merge)))
                .chain(() -> audit.record("mergeActors", NodeType.ACTOR, keep))
                .chain(() -> audit.record("mergeActors", NodeType.ACTOR, merge))
                .replaceWith(keep);
    }

    private static void sameKind(MergePair pair) {
        if (!pair.kept()[2].equals(pair.merged()[2])) {
            throw new UserErrorException(UserError.of(UserErrorCode.INVALID, "only actors of the same kind can be"
                    + " merged: " + pair.kept()[2] + " and " + pair.merged()[2] + " (change the kind first)", "input",
                    "merge"));
        }
    }
}
