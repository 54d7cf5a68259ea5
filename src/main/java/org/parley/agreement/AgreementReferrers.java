package org.parley.agreement;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.write.Referrers;
import org.parley.write.SoftDeletes.Blocker;
import org.parley.write.UserErrorCode;

import io.quarkus.arc.Unremovable;

/**
 * Live agreements keep their parties, the encounter they were signed at and the sources they cite from being
 * deleted: nothing live points at a tombstone. (Agreement writes lock those rows for share, as other writes do.)
 */
@ApplicationScoped
@Unremovable // found by SoftDeletes through Arc, never injected
class AgreementReferrers implements Referrers {

    private static final List<Blocker> ACTOR = List.of(new Blocker(UserErrorCode.IN_USE, "agreements it is a party to",
            "select count(*) from agreement_party p join agreement ag on ag.id = p.agreement_id"
                    + " where p.actor_id = :id and ag.deleted_at is null"));
    private static final List<Blocker> ENCOUNTER = List.of(new Blocker(UserErrorCode.IN_USE, "agreements signed at it",
            "select count(*) from agreement ag where ag.signed_at_id = :id and ag.deleted_at is null"));
    private static final List<Blocker> SOURCE = List.of(new Blocker(UserErrorCode.IN_USE,
            "agreements that cite it (attestations or steps): change them first",
            "select count(*) from agreement ag where ag.deleted_at is null and (exists (select 1"
                    + " from agreement_attestation a where a.agreement_id = ag.id and a.source_id = :id)"
                    + " or exists (select 1 from agreement_step s where s.agreement_id = ag.id and s.source_id = :id))"));

    @Override
    public List<Blocker> of(String table) {
        return switch (table) {
            case "actor" -> ACTOR;
            case "encounter" -> ENCOUNTER;
            case "source" -> SOURCE;
            default -> List.of();
        };
    }
}
