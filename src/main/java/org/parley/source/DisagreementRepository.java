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
 * Finds the encounters, statements and agreements whose sources disagree on the date, in one statement per page.
 * Each attestation gives a version: its {@code reportedDate}, or the record's own date when it gives none (the source
 * agrees with it); an agreement's own date is that of its first step (its signing, mostly). The versions disagree
 * when their periods do not all overlap: on a line, intervals overlap pairwise exactly when the latest start comes
 * before the earliest end. "May 2018" and "30 May 2018" agree; "30 May" and "31 May" do not.
 *
 * <p>Only a record with two sources or more, one of which gives a date of its own, can have two versions: the
 * statement starts from those ({@link #versionsOf}), so a page costs an index probe per dated attestation and the
 * reading of the few records found, not an aggregate over every attestation (docs/BENCHMARKS.md has the figures at
 * scale 1).
 */
@ApplicationScoped
public class DisagreementRepository {

    /**
     * The attestations of the live encounters, statements or agreements that could have versions that disagree, each
     * with the version it gives and the record's own date: those with two sources or more, one of which gives a date
     * of its own. A record with one source has one version, and one whose sources give no date of their own has the
     * record's. The candidates come from V25's partial index (the dated attestations, with their source) and the index
     * of the record's attestations; each is then looked up alone (offset 0 keeps the planner from joining whole tables
     * instead).
     *
     * @param idColumn the attestation's column that names the record
     * @param attestations the table of the record's attestations
     * @param recorded the record's own date as {@code rd, rp}, of the record whose ID is {@code c.id}; no row when the
     *        record is deleted
     * @param ids the three ID columns of the output, with {@code c.id} in the record's place
     */
    private static String versionsOf(String idColumn, String attestations, String recorded, String ids) {
        return "select " + ids + ", rec.rd, rec.rp, coalesce(att.reported_date, rec.rd),"
                + " coalesce(att.reported_precision, rec.rp)"
                + " from (select distinct r." + idColumn + " as id from " + attestations + " r"
                + " where r.reported_date is not null and r." + idColumn + " is not null and exists (select 1 from "
                + attestations + " o where o." + idColumn + " = r." + idColumn + " and o.source_id <> r.source_id)) c"
                + " cross join lateral (" + recorded + " offset 0) rec"
                + " cross join lateral (select y.reported_date, y.reported_precision from " + attestations + " y"
                + " where y." + idColumn + " = c.id offset 0) att";
    }

    /** The versions of every record that could have some that disagree (the outer query names the columns). */
    private static final String VERSIONS = versionsOf("encounter_id", "attestation",
            "select x.start_date as rd, x.start_precision as rp from encounter x"
                    + " where x.id = c.id and x.deleted_at is null",
            "c.id, null::bigint, null::bigint")
            + " union all " + versionsOf("statement_id", "attestation",
                    "select x.said_date as rd, x.said_precision as rp from statement x"
                            + " where x.id = c.id and x.deleted_at is null",
                    "null::bigint, c.id, null::bigint")
            // an agreement's own date: its first step's
            + " union all " + versionsOf("agreement_id", "agreement_attestation",
                    "select st.step_date as rd, st.step_precision as rp from agreement x left join lateral"
                            + " (select step_date, step_precision from agreement_step where agreement_id = x.id"
                            + " order by position limit 1) st on true where x.id = c.id and x.deleted_at is null",
                    "null::bigint, null::bigint, c.id");

    /** The period of a version: its first day and the day after its last. */
    private static final String FROM_DAY = "date_trunc(lower(v.p), v.d)";
    private static final String TO_DAY = "(" + FROM_DAY + " + ('1 ' || lower(v.p))::interval)";

    private static final String DISAGREEMENTS = "from (select v.encounter_id, v.statement_id, v.agreement_id,"
            + " max(v.recorded_date) as recorded_date, max(v.recorded_precision) as recorded_precision,"
            + " coalesce(max(v.recorded_date), max(v.d)) as newest,"
            // no more versions than the field's largest `first`
            + " (array_agg(distinct v.d::text || ' ' || v.p order by v.d::text || ' ' || v.p))[1:"
            + PageRequest.MAX_FIRST + "] as versions"
            + " from (" + VERSIONS + ") v(encounter_id, statement_id, agreement_id, recorded_date,"
            + " recorded_precision, d, p) where v.d is not null"
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

    DisagreementRepository(@Reads Pool pool) {
        this.pool = pool;
    }

    Uni<Page<Disagreement>> list(PageRequest request, Lookahead ahead) {
        return Paging.page(pool, COLUMNS, DISAGREEMENTS, ORDER, new SqlArgs(), request, ahead, Disagreement::from);
    }
}
