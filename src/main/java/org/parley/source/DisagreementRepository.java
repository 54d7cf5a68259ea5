package org.parley.source;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.read.Lookahead;
import org.parley.read.Page;
import org.parley.read.PageRequest;
import org.parley.read.Paging;
import org.parley.read.SqlArgs;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Finds the encounters, statements and agreements whose sources disagree on the date, in one statement per page.
 * Each attestation gives a version: its {@code reportedDate}, or the record's own date when it gives none (the source
 * agrees with it); an agreement's own date is that of its first step (its signing, mostly). The versions disagree
 * when their periods do not all overlap: on a line, intervals overlap pairwise exactly when the latest start comes
 * before the earliest end. "May 2018" and "30 May 2018" agree; "30 May" and "31 May" do not.
 *
 * <p>Only a record that some source gives a date of its own for can have two versions: the statement starts from
 * those (the partial indexes of V25 hold just the attestations with a {@code reported_date}) and reads the other
 * attestations of each through the record's own index, so a page costs what the dated attestations cost, not a scan
 * of every attestation (docs/BENCHMARKS.md has the plan at scale 1).
 */
@ApplicationScoped
public class DisagreementRepository {

    /** Every attestation of a live encounter, statement or agreement that a source dates, with the version it gives. */
    private static final String VERSIONS = "select c.encounter_id, null::bigint as statement_id,"
            + " null::bigint as agreement_id, e.start_date as recorded_date, e.start_precision as recorded_precision,"
            + " coalesce(att.reported_date, e.start_date) as d, coalesce(att.reported_precision, e.start_precision) as p"
            // few encounters: each one looked up with its attestations (offset 0 keeps the planner from joining the
            // whole tables instead)
            + " from (select distinct r.encounter_id from attestation r"
            + " where r.reported_date is not null and r.encounter_id is not null) c"
            + " cross join lateral (select x.start_date, x.start_precision from encounter x"
            + " where x.id = c.encounter_id and x.deleted_at is null offset 0) e"
            + " cross join lateral (select y.reported_date, y.reported_precision from attestation y"
            + " where y.encounter_id = c.encounter_id offset 0) att"
            + " union all select null, att.statement_id, null, s.said_date, s.said_precision,"
            + " coalesce(att.reported_date, s.said_date), coalesce(att.reported_precision, s.said_precision)"
            + " from attestation att join statement s on s.id = att.statement_id"
            + " where s.deleted_at is null and att.statement_id in (select r.statement_id from attestation r"
            + " where r.reported_date is not null and r.statement_id is not null)"
            + " union all select null, null, att.agreement_id, first_step.step_date, first_step.step_precision,"
            + " coalesce(att.reported_date, first_step.step_date),"
            + " coalesce(att.reported_precision, first_step.step_precision)"
            + " from agreement_attestation att join agreement a on a.id = att.agreement_id"
            + " left join lateral (select st.step_date, st.step_precision from agreement_step st"
            + " where st.agreement_id = a.id order by st.position limit 1) first_step on true"
            + " where a.deleted_at is null and att.agreement_id in (select r.agreement_id"
            + " from agreement_attestation r where r.reported_date is not null)";

    /** The period of a version: its first day and the day after its last. */
    private static final String FROM_DAY = "date_trunc(lower(v.p), v.d)";
    private static final String TO_DAY = "(" + FROM_DAY + " + ('1 ' || lower(v.p))::interval)";

    private static final String DISAGREEMENTS = "from (select v.encounter_id, v.statement_id, v.agreement_id,"
            + " max(v.recorded_date) as recorded_date, max(v.recorded_precision) as recorded_precision,"
            + " coalesce(max(v.recorded_date), max(v.d)) as newest,"
            // no more versions than the field's largest `first`
            + " (array_agg(distinct v.d::text || ' ' || v.p order by v.d::text || ' ' || v.p))[1:"
            + PageRequest.MAX_FIRST + "] as versions"
            + " from (" + VERSIONS + ") v where v.d is not null"
            + " group by v.encounter_id, v.statement_id, v.agreement_id"
            + " having max(" + FROM_DAY + ") >= min(" + TO_DAY + ")) dis";

    /**
     * Newest first, by the record's date (or its latest version when it has none); then encounters, statements and
     * agreements, by ID.
     */
    static final String ORDER = "dis.newest desc, dis.encounter_id nulls last, dis.statement_id nulls last,"
            + " dis.agreement_id";

    private static final String COLUMNS = "dis.encounter_id, dis.statement_id, dis.agreement_id, dis.recorded_date,"
            + " dis.recorded_precision, dis.versions";

    private final Pool pool;

    DisagreementRepository(Pool pool) {
        this.pool = pool;
    }

    Uni<Page<Disagreement>> list(PageRequest request, Lookahead ahead) {
        return Paging.page(pool, COLUMNS, DISAGREEMENTS, ORDER, new SqlArgs(), request, ahead, Disagreement::from);
    }
}
