package org.parley.agreement;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

import org.parley.database.Reads;
import org.parley.actor.Actor;
import org.parley.actor.ActorRepository;
import org.parley.api.GlobalId;
import org.parley.api.Node;
import org.parley.api.NodeLoader;
import org.parley.api.NodeType;
import org.parley.encounter.Encounter;
import org.parley.errors.BadUserInputException;
import org.parley.read.Batch;
import org.parley.read.Lookahead;
import org.parley.read.Page;
import org.parley.read.PageRequest;
import org.parley.read.Paging;
import org.parley.read.SqlArgs;
import org.parley.read.ToMany;
import org.parley.source.Source;
import org.parley.statement.Statement;
import org.parley.statement.StatementRepository;

import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Reads agreements and what hangs off them through the reactive pool, one SQL statement per method call. */
@ApplicationScoped
@Startup // declares the lists single-object reads fold (ToMany) before the first request
public class AgreementRepository implements NodeLoader {

    private final Pool pool;

    AgreementRepository(@Reads Pool pool) {
        this.pool = pool;
    }

    @Override
    public NodeType type() {
        return NodeType.AGREEMENT;
    }

    @Override
    public Uni<Map<Long, Agreement>> byIds(Long[] ids) {
        return Batch.byIds(pool, BY_IDS, ids, Agreement::from);
    }

    @Override
    public Uni<Map<Long, ? extends Node>> load(long id, Context context) {
        return Batch.byIds(pool, BY_IDS, new Long[] { id }, Lookahead.ofOne(context, "Agreement", List.of()),
                Agreement::from).map(found -> found);
    }

    private static final String BY_IDS = "select " + Agreement.COLUMNS + " from agreement ag where ag.id = any($1)"
            + " and ag.deleted_at is null";

    public Uni<Page<Agreement>> list(AgreementFilter filter, PageRequest request) {
        SqlArgs args = new SqlArgs();
        StringBuilder where = new StringBuilder(" where ag.deleted_at is null");
        if (filter != null) {
            if (filter.kind != null) {
                where.append(" and ag.kind = ").append(args.add(filter.kind.name()));
            }
            if (filter.status != null) {
                where.append(" and (select st.status from agreement_step st where st.agreement_id = ag.id")
                        .append(" order by st.position desc limit 1) = ").append(args.add(filter.status.name()));
            }
            if (filter.party != null) {
                where.append(" and exists (select 1 from agreement_party ap where ap.agreement_id = ag.id")
                        .append(" and ap.actor_id = ").append(ActorRepository.followingMerges(
                                args.add(GlobalId.decode(filter.party, NodeType.ACTOR, "filter.party"))))
                        .append(")");
            }
            if (filter.search != null) {
                if (filter.search.isBlank() || filter.search.length() > 300) {
                    throw new BadUserInputException("filter.search must be 1 to 300 characters");
                }
                where.append(" and strpos(lower(ag.title), lower(").append(args.add(filter.search.strip()))
                        .append(")) > 0");
            }
            if (filter.updatedSince != null) {
                where.append(" and ag.modified_at >= ").append(args.add(filter.updatedSince));
            }
        }
        return Paging.page(pool, Agreement.COLUMNS, "from agreement ag" + where, Agreement.ORDER, args, request,
                Agreement::from);
    }

    /** An agreement's parties, in the order given. */
    static final ToMany PARTIES = ToMany.declare("Agreement", ToMany.list("parties", Actor.COLUMNS,
            "from agreement_party ap" + Batch.lookup("actor", "a", "a.id = ap.actor_id and a.deleted_at is null")
                    + " where ap.agreement_id = parent.id", "ap.position", Actor::from, () -> Actor.TO_ONE));

    /** An agreement's steps, in order. */
    static final ToMany STEPS = ToMany.declare("Agreement", ToMany.list("steps", AgreementStep.COLUMNS,
            "from agreement_step st where st.agreement_id = parent.id", "st.position", AgreementStep::from, List::of));

    /** An agreement's attestations by live sources, in the order given. */
    static final ToMany ATTESTATIONS = ToMany.declare("Agreement", ToMany.list("attestations",
            AgreementAttestation.COLUMNS, "from agreement_attestation att"
                    + Batch.lookup("source", "src", "src.id = att.source_id and src.deleted_at is null")
                    + " where att.agreement_id = parent.id", "att.position", AgreementAttestation::from, List::of));

    /** The agreements an actor is a party to. */
    static final ToMany OF_ACTOR = ToMany.declare("Actor", ToMany.list("agreements", Agreement.COLUMNS,
            "from agreement_party ap"
                    + Batch.lookup("agreement", "ag", "ag.id = ap.agreement_id and ag.deleted_at is null")
                    + " where ap.actor_id = parent.id", Agreement.ORDER, Agreement::from, List::of));

    /** The agreements signed at an encounter. */
    static final ToMany SIGNED_AT = ToMany.declare("Encounter", ToMany.list("agreementsSigned", Agreement.COLUMNS,
            "from agreement ag where ag.signed_at_id = parent.id and ag.deleted_at is null", Agreement.ORDER,
            Agreement::from, List::of));

    /** The agreements a source attests. */
    static final ToMany ATTESTED_BY = ToMany.declare("Source", ToMany.list("agreements", Agreement.COLUMNS,
            "from agreement_attestation att"
                    + Batch.lookup("agreement", "ag", "ag.id = att.agreement_id and ag.deleted_at is null")
                    + " where att.source_id = parent.id", Agreement.ORDER, Agreement::from, List::of));

    /** The agreements a statement is about, in the order given. */
    static final ToMany ABOUT_AGREEMENTS = ToMany.declare("Statement", ToMany.list("aboutAgreements",
            Agreement.COLUMNS, "from statement_about_agreement sa"
                    + Batch.lookup("agreement", "ag", "ag.id = sa.agreement_id and ag.deleted_at is null")
                    + " where sa.statement_id = parent.id", "sa.position", Agreement::from, List::of));

    /** The statements about an agreement, by date. */
    static final ToMany STATEMENTS_ABOUT = StatementRepository.statementsAbout("Agreement",
            "statement_about_agreement", "agreement_id");

    Uni<List<List<Actor>>> parties(List<Agreement> agreements, PageRequest first) {
        return Paging.firstOfEach(pool, PARTIES, first, agreements, a -> a.dbId, Lookahead.NONE, Actor::from);
    }

    Uni<List<List<AgreementStep>>> steps(List<Agreement> agreements, PageRequest first) {
        return Paging.firstOfEach(pool, STEPS, first, agreements, a -> a.dbId, Lookahead.NONE, AgreementStep::from);
    }

    Uni<List<List<AgreementAttestation>>> attestations(List<Agreement> agreements, PageRequest first) {
        return Paging.firstOfEach(pool, ATTESTATIONS, first, agreements, a -> a.dbId, Lookahead.NONE,
                AgreementAttestation::from);
    }

    Uni<List<List<Agreement>>> ofActors(List<Actor> actors, PageRequest first) {
        return Paging.firstOfEach(pool, OF_ACTOR, first, actors, a -> a.dbId, Lookahead.NONE, Agreement::from);
    }

    Uni<List<List<Agreement>>> signedAt(List<Encounter> encounters, PageRequest first) {
        return Paging.firstOfEach(pool, SIGNED_AT, first, encounters, e -> e.dbId, Lookahead.NONE, Agreement::from);
    }

    Uni<List<List<Agreement>>> attestedBy(List<Source> sources, PageRequest first) {
        return Paging.firstOfEach(pool, ATTESTED_BY, first, sources, s -> s.dbId, Lookahead.NONE, Agreement::from);
    }

    Uni<List<List<Agreement>>> aboutAgreements(List<Statement> statements, PageRequest first) {
        return Paging.firstOfEach(pool, ABOUT_AGREEMENTS, first, statements, s -> s.dbId, Lookahead.NONE,
                Agreement::from);
    }

    Uni<List<List<Statement>>> statementsAbout(List<Agreement> agreements, PageRequest first) {
        return Paging.firstOfEach(pool, STATEMENTS_ABOUT, first, agreements, a -> a.dbId, Lookahead.NONE,
                Statement::from);
    }
}
