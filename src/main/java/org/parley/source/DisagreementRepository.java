package org.parley.source;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.database.Reads;
import org.parley.read.Lookahead;
import org.parley.read.Page;
import org.parley.read.PageRequest;
import org.parley.read.Paging;
import org.parley.read.SqlArgs;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Finds the encounters and statements whose sources disagree on the date, in one statement per page. Each
 * attestation gives a version: its {@code reportedDate}, or the record's own date when it gives none (the source
 * agrees with it). The versions disagree when their periods do not all overlap: on a line, intervals overlap pairwise
 * exactly when the latest start comes before the earliest end. "May 2018" and "30 May 2018" agree; "30 May" and
 * "31 May" do not.
 */
@ApplicationScoped
public class DisagreementRepository {

    /** Every attestation of a live encounter or statement, with the version of the date it gives. */
    private static final String VERSIONS = "select att.encounter_id, att.statement_id,"
            + " coalesce(e.start_date, s.said_date) as recorded_date,"
            + " coalesce(e.start_precision, s.said_precision) as recorded_precision,"
            + " coalesce(att.reported_date, e.start_date, s.said_date) as d,"
            + " coalesce(att.reported_precision, e.start_precision, s.said_precision) as p"
            + " from attestation att"
            + " left join encounter e on e.id = att.encounter_id"
            + " left join statement s on s.id = att.statement_id"
            + " where e.deleted_at is null and s.deleted_at is null";

    /** The period of a version: its first day and the day after its last. */
    private static final String FROM_DAY = "date_trunc(lower(v.p), v.d)";
    private static final String TO_DAY = "(" + FROM_DAY + " + ('1 ' || lower(v.p))::interval)";

    private static final String DISAGREEMENTS = "from (select v.encounter_id, v.statement_id,"
            + " max(v.recorded_date) as recorded_date, max(v.recorded_precision) as recorded_precision,"
            + " coalesce(max(v.recorded_date), max(v.d)) as newest,"
            // no more versions than the field's largest `first`
            + " (array_agg(distinct v.d::text || ' ' || v.p order by v.d::text || ' ' || v.p))[1:"
            + PageRequest.MAX_FIRST + "] as versions"
            + " from (" + VERSIONS + ") v where v.d is not null"
            + " group by v.encounter_id, v.statement_id"
            + " having max(" + FROM_DAY + ") >= min(" + TO_DAY + ")) dis";

    /** Newest first, by the record's date (or its latest version when it has none); then encounters, by ID. */
    static final String ORDER = "dis.newest desc, dis.encounter_id nulls last, dis.statement_id";

    private static final String COLUMNS = "dis.encounter_id, dis.statement_id, dis.recorded_date,"
            + " dis.recorded_precision, dis.versions";

    private final Pool pool;

    DisagreementRepository(@Reads Pool pool) {
        this.pool = pool;
    }

    Uni<Page<Disagreement>> list(PageRequest request, Lookahead ahead) {
        return Paging.page(pool, COLUMNS, DISAGREEMENTS, ORDER, new SqlArgs(), request, ahead, Disagreement::from);
    }
}
