package org.parley.source;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

import org.parley.database.Reads;
import org.parley.encounter.Encounter;
import org.parley.errors.BadUserInputException;
import org.parley.read.Batch;
import org.parley.read.Lookahead;
import org.parley.api.Node;
import org.parley.api.NodeLoader;
import org.parley.api.NodeType;
import org.parley.read.Page;
import org.parley.read.PageRequest;
import org.parley.read.Paging;
import org.parley.read.SqlArgs;
import org.parley.read.ToMany;
import org.parley.statement.Statement;

import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads sources and attestations through the reactive pool, one SQL statement per method call. Attestations link a
 * source to an encounter or a statement; the methods below follow that link in either direction.
 */
@ApplicationScoped
@Startup // declares the lists single-object reads fold (ToMany) before the first request
public class SourceRepository implements NodeLoader {

    /** Which side of an attestation the parents of a batch are on. */
    enum Side {
        ENCOUNTER("Encounter", "att.encounter_id"),
        STATEMENT("Statement", "att.statement_id"),
        SOURCE("Source", "att.source_id");

        final String column;
        /** The parents' attestations, and their sources (none for a source's own side). */
        final ToMany attestations;
        final ToMany sources;

        Side(String type, String column) {
            this.column = column;
            this.attestations = ToMany.declare(type, ToMany.list("attestations", Attestation.COLUMNS,
                    "from attestation att" + Batch.lookup("source", "src", "src.id = att.source_id") + " where "
                            + column + " = parent.id" + LIVE_SUBJECT,
                    Source.ORDER + ", att.id", Attestation::from, () -> Attestation.TO_ONE));
            this.sources = column.equals("att.source_id") ? null : ToMany.declare(type, ToMany.list("sources",
                    Source.COLUMNS, "from attestation att" + Batch.lookup("source", "src", "src.id = att.source_id")
                            + " where " + column + " = parent.id", Source.ORDER, Source::from, List::of));
        }
    }

    /**
     * Attestations of deleted encounters and statements stay with their tombstones but are not read. (A deleted
     * source takes its attestations with it, so the source side needs no such check.)
     */
    private static final String LIVE_SUBJECT = " and not exists (select 1 from encounter de where de.id = att.encounter_id"
            + " and de.deleted_at is not null) and not exists (select 1 from statement ds where ds.id = att.statement_id"
            + " and ds.deleted_at is not null)";

    static {
        Side.values(); // each side declares its lists (ToMany) as it is initialized: before the first request
    }

    private final Pool pool;

    SourceRepository(@Reads Pool pool) {
        this.pool = pool;
    }

    @Override
    public NodeType type() {
        return NodeType.SOURCE;
    }

    @Override
    public Uni<Map<Long, Source>> byIds(Long[] ids) {
        return Batch.byIds(pool, BY_IDS, ids, Source::from);
    }

    @Override
    public Uni<Map<Long, ? extends Node>> load(long id, Context context) {
        return Batch.byIds(pool, BY_IDS, new Long[] { id }, Lookahead.ofOne(context, "Source", List.of()),
                Source::from).map(found -> found);
    }

    private static final String BY_IDS = "select " + Source.COLUMNS
            + " from source src where src.id = any($1) and src.deleted_at is null";

    public Uni<Page<Source>> list(SourceFilter filter, PageRequest request) {
        SqlArgs args = new SqlArgs();
        StringBuilder where = new StringBuilder(" where src.deleted_at is null");
        if (filter != null && filter.publisher != null) {
            where.append(" and strpos(lower(src.publisher), lower(").append(args.add(text(filter.publisher,
                    "filter.publisher"))).append(")) > 0");
        }
        if (filter != null && filter.updatedSince != null) {
            where.append(" and src.modified_at >= ").append(args.add(filter.updatedSince));
        }
        if (filter != null && filter.search != null) {
            where.append(" and strpos(lower(concat_ws(' ', src.title, src.author, src.publisher)), lower(")
                    .append(args.add(text(filter.search, "filter.search"))).append(")) > 0");
        }
        return Paging.page(pool, Source.COLUMNS, "from source src" + where, Source.ORDER, args, request,
                Source::from);
    }

    /**
     * Attestations of each parent (encounter, statement or source), oldest source first; a source's own in the order
     * they were recorded (all have the same source, so without att.id its first N would be any N).
     */
    <P> Uni<List<List<Attestation>>> attestations(Side side, List<P> parents, Function<P, Long> key,
            PageRequest first, Lookahead ahead) {
        return Paging.firstOfEach(pool, side.attestations, first, parents, key, ahead, Attestation::from);
    }

    /** The attestation of one subject by one source, or null. */
    Uni<Attestation> attestation(Side side, long subjectId, long sourceId) {
        return pool.preparedQuery("select " + Attestation.COLUMNS + " from attestation att where " + side.column
                + " = $1 and att.source_id = $2").execute(Tuple.of(subjectId, sourceId))
                .map(rows -> rows.iterator().hasNext() ? Attestation.from(rows.iterator().next()) : null);
    }

    /** The attestation of one agreement by one source, or null, as an Attestation naming its agreement. */
    Uni<Attestation> agreementAttestation(long agreementId, long sourceId) {
        return pool.preparedQuery("select att.source_id, cast(null as bigint) as encounter_id,"
                + " cast(null as bigint) as statement_id, att.excerpt, att.note, att.reported_date,"
                + " att.reported_precision from agreement_attestation att where att.agreement_id = $1"
                + " and att.source_id = $2").execute(Tuple.of(agreementId, sourceId))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return null;
                    }
                    Attestation attestation = Attestation.from(rows.iterator().next());
                    attestation.agreementId = agreementId;
                    return attestation;
                });
    }

    /** The sources that attest each encounter or statement. */
    <P> Uni<List<List<Source>>> sources(Side side, List<P> parents, Function<P, Long> key, PageRequest first) {
        return Paging.firstOfEach(pool, side.sources, first, parents, key, Lookahead.NONE, Source::from);
    }

    /** The encounters a source attests, chronological. */
    static final ToMany ENCOUNTERS = ToMany.declare("Source", ToMany.list("encounters", Encounter.COLUMNS,
            "from attestation att" + Batch.lookup("encounter", "e", "e.id = att.encounter_id")
                    + " where att.source_id = parent.id and e.deleted_at is null", Encounter.ORDER, Encounter::from,
            () -> Encounter.TO_ONE));

    /** The statements a source attests, by date. */
    static final ToMany STATEMENTS = ToMany.declare("Source", ToMany.list("statements", Statement.COLUMNS,
            "from attestation att" + Batch.lookup("statement", "s", "s.id = att.statement_id")
                    + " where att.source_id = parent.id and s.deleted_at is null", Statement.ORDER, Statement::from,
            () -> Statement.TO_ONE));

    /** The encounters each source attests. */
    Uni<List<List<Encounter>>> encounters(List<Source> sources, PageRequest first) {
        return Paging.firstOfEach(pool, ENCOUNTERS, first, sources, s -> s.dbId, Lookahead.NONE, Encounter::from);
    }

    /** The statements each source attests. */
    Uni<List<List<Statement>>> statements(List<Source> sources, PageRequest first, Lookahead ahead) {
        return Paging.firstOfEach(pool, STATEMENTS, first, sources, s -> s.dbId, ahead, Statement::from);
    }

    private static String text(String value, String argument) {
        if (value.isBlank() || value.length() > 300) {
            throw new BadUserInputException(argument + " must be 1 to 300 characters");
        }
        return value.strip();
    }
}
