package org.parley.statement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;

import org.parley.database.Reads;
import org.parley.actor.Actor;
import org.parley.actor.ActorRepository;
import org.parley.encounter.Encounter;
import org.parley.errors.BadUserInputException;
import org.parley.read.Batch;
import org.parley.api.DateBound;
import org.parley.read.Lookahead;
import org.parley.api.GlobalId;
import org.parley.api.Node;
import org.parley.api.NodeLoader;
import org.parley.api.NodeType;
import org.parley.read.Page;
import org.parley.read.PageRequest;
import org.parley.read.Paging;
import org.parley.read.SqlArgs;
import org.parley.read.ToMany;
import org.parley.source.Source;

import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** Reads statements through the reactive pool, one SQL statement per method call. */
@ApplicationScoped
@Startup // declares the lists single-object reads fold (ToMany) before the first request
public class StatementRepository implements NodeLoader {

    private final Pool pool;

    StatementRepository(@Reads Pool pool) {
        this.pool = pool;
    }

    @Override
    public NodeType type() {
        return NodeType.STATEMENT;
    }

    @Override
    public Uni<Map<Long, Statement>> byIds(Long[] ids) {
        return Batch.byIds(pool, BY_IDS, ids, Statement::from);
    }

    @Override
    public Uni<Map<Long, ? extends Node>> load(long id, Context context) {
        return Batch.byIds(pool, BY_IDS, new Long[] { id }, Lookahead.ofOne(context, "Statement", Statement.TO_ONE),
                Statement::from).map(found -> found);
    }

    private static final String BY_IDS = "select " + Statement.COLUMNS
            + " from statement s where s.id = any($1) and s.deleted_at is null";

    public Uni<Page<Statement>> list(StatementFilter filter, PageRequest request, Lookahead ahead) {
        SqlArgs args = new SqlArgs();
        String where = filter == null ? "" : conditions(filter, args);
        return Paging.page(pool, Statement.COLUMNS, "from statement s where s.deleted_at is null" + where, Statement.ORDER, args,
                request, ahead, Statement::from);
    }

    /** An actor's statements, by date. */
    static final ToMany BY_SPEAKER = ToMany.declare("Actor", ToMany.connection("statements", Statement.COLUMNS,
            "from statement s where s.speaker_id = parent.id and s.deleted_at is null",
            "from statement s where s.speaker_id = parent.id and s.deleted_at is null", Statement.ORDER,
            Statement::from, () -> Statement.TO_ONE, StatementConnection::new));

    /** The statements made at an encounter, by date. */
    static final ToMany AT_ENCOUNTER = ToMany.declare("Encounter", ToMany.list("statements", Statement.COLUMNS,
            "from statement s where s.encounter_id = parent.id and s.deleted_at is null", Statement.ORDER,
            Statement::from, () -> Statement.TO_ONE));

    /** One page of each speaker's statements. */
    public Uni<Map<Long, Page<Statement>>> bySpeakers(Long[] speakerIds, PageRequest request, Lookahead ahead) {
        return Paging.pages(pool, BY_SPEAKER, request, speakerIds, ahead, Statement::from);
    }

    /** Statements made at each encounter. */
    public Uni<List<List<Statement>>> atEncounters(List<Encounter> encounters, PageRequest first, Lookahead ahead) {
        return Paging.firstOfEach(pool, AT_ENCOUNTER, first, encounters, e -> e.dbId, ahead, Statement::from);
    }

    /** The statements that respond to a statement, by date. */
    static final ToMany RESPONSES = ToMany.declare("Statement", ToMany.list("responses", Statement.COLUMNS,
            "from statement s where s.responds_to_id = parent.id and s.deleted_at is null", Statement.ORDER,
            Statement::from, () -> Statement.TO_ONE));

    /** The actors a statement is about, in the order given. */
    static final ToMany ABOUT = ToMany.declare("Statement", ToMany.list("about", Actor.COLUMNS,
            "from statement_about sa" + Batch.lookup("actor", "a", "a.id = sa.actor_id")
                    + " where sa.statement_id = parent.id", "sa.position", Actor::from, () -> Actor.TO_ONE));

    /** The encounters a statement is about, in the order given. */
    static final ToMany ABOUT_ENCOUNTERS = ToMany.declare("Statement", ToMany.list("aboutEncounters",
            Encounter.COLUMNS, "from statement_about_encounter sa"
                    + Batch.lookup("encounter", "e", "e.id = sa.encounter_id and e.deleted_at is null")
                    + " where sa.statement_id = parent.id", "sa.position", Encounter::from, () -> Encounter.TO_ONE));

    /** The statements about an encounter, by date. */
    static final ToMany ABOUT_ENCOUNTER = statementsAbout("Encounter", "statement_about_encounter", "encounter_id");

    /** The sources a statement is about (the report it calls fabricated), in the order given. */
    static final ToMany ABOUT_SOURCES = ToMany.declare("Statement", ToMany.list("aboutSources", Source.COLUMNS,
            "from statement_about_source sa"
                    + Batch.lookup("source", "src", "src.id = sa.source_id and src.deleted_at is null")
                    + " where sa.statement_id = parent.id", "sa.position", Source::from, List::of));

    /** The statements about a source, by date. */
    static final ToMany ABOUT_SOURCE = statementsAbout("Source", "statement_about_source", "source_id");

    /** The statements a statement comments on, in the order given. */
    static final ToMany ABOUT_STATEMENTS = ToMany.declare("Statement", ToMany.list("aboutStatements",
            Statement.COLUMNS, "from statement_about_statement sa"
                    + Batch.lookup("statement", "s", "s.id = sa.about_statement_id and s.deleted_at is null")
                    + " where sa.statement_id = parent.id", "sa.position", Statement::from, () -> Statement.TO_ONE));

    /** The statements that comment on a statement, by date. */
    static final ToMany ABOUT_STATEMENT = statementsAbout("Statement", "statement_about_statement",
            "about_statement_id");

    /**
     * Declares {@code type}'s field {@code statementsAbout}: the live statements that the link table {@code links}
     * ({@code statement_id}, and {@code thing} for the thing they are about) names, by date.
     */
    public static ToMany statementsAbout(String type, String links, String thing) {
        return ToMany.declare(type, ToMany.list("statementsAbout", Statement.COLUMNS, "from " + links + " sa"
                + Batch.lookup("statement", "s", "s.id = sa.statement_id and s.deleted_at is null")
                + " where sa." + thing + " = parent.id", Statement.ORDER, Statement::from, () -> Statement.TO_ONE));
    }

    /** Statements that respond to each statement. */
    public Uni<List<List<Statement>>> responsesTo(List<Statement> statements, PageRequest first, Lookahead ahead) {
        return Paging.firstOfEach(pool, RESPONSES, first, statements, s -> s.dbId, ahead, Statement::from);
    }

    /** The actors each statement is about. */
    public Uni<List<List<Actor>>> about(List<Statement> statements, PageRequest first) {
        return Paging.firstOfEach(pool, ABOUT, first, statements, s -> s.dbId, Lookahead.NONE, Actor::from);
    }

    /** The encounters each statement is about. */
    public Uni<List<List<Encounter>>> aboutEncounters(List<Statement> statements, PageRequest first) {
        return Paging.firstOfEach(pool, ABOUT_ENCOUNTERS, first, statements, s -> s.dbId, Lookahead.NONE,
                Encounter::from);
    }

    /** Statements about each encounter. */
    public Uni<List<List<Statement>>> aboutEncountersOf(List<Encounter> encounters, PageRequest first,
            Lookahead ahead) {
        return Paging.firstOfEach(pool, ABOUT_ENCOUNTER, first, encounters, e -> e.dbId, ahead, Statement::from);
    }

    /** The sources each statement is about. */
    public Uni<List<List<Source>>> aboutSources(List<Statement> statements, PageRequest first) {
        return Paging.firstOfEach(pool, ABOUT_SOURCES, first, statements, s -> s.dbId, Lookahead.NONE, Source::from);
    }

    /** Statements about each source. */
    public Uni<List<List<Statement>>> aboutSourcesOf(List<Source> sources, PageRequest first, Lookahead ahead) {
        return Paging.firstOfEach(pool, ABOUT_SOURCE, first, sources, src -> src.dbId, ahead, Statement::from);
    }

    /** The statements each statement comments on. */
    public Uni<List<List<Statement>>> aboutStatements(List<Statement> statements, PageRequest first,
            Lookahead ahead) {
        return Paging.firstOfEach(pool, ABOUT_STATEMENTS, first, statements, st -> st.dbId, ahead, Statement::from);
    }

    /** Statements that comment on each statement. */
    public Uni<List<List<Statement>>> aboutStatementsOf(List<Statement> statements, PageRequest first,
            Lookahead ahead) {
        return Paging.firstOfEach(pool, ABOUT_STATEMENT, first, statements, st -> st.dbId, ahead, Statement::from);
    }

    private static String conditions(StatementFilter filter, SqlArgs args) {
        StringBuilder where = new StringBuilder();
        if (filter.speaker != null) {
            where.append(" and s.speaker_id = ").append(ActorRepository.followingMerges(
                    args.add(GlobalId.decode(filter.speaker, NodeType.ACTOR, "filter.speaker"))));
        }
        if (filter.about != null) {
            where.append(" and exists (select 1 from statement_about sa where sa.statement_id = s.id and sa.actor_id = ")
                    .append(ActorRepository.followingMerges(
                            args.add(GlobalId.decode(filter.about, NodeType.ACTOR, "filter.about")))).append(")");
        }
        if (filter.encounter != null) {
            where.append(" and s.encounter_id = ")
                    .append(args.add(GlobalId.decode(filter.encounter, NodeType.ENCOUNTER, "filter.encounter")));
        }
        LocalDate fromDate = filter.from == null ? null : DateBound.parse("filter.from", filter.from).date;
        LocalDate toDate = filter.to == null ? null : DateBound.parse("filter.to", filter.to).until();
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new BadUserInputException("filter.from must not be after filter.to");
        }
        if (fromDate != null) {
            where.append(" and s.said_latest >= ").append(args.add(fromDate));
        }
        if (toDate != null) {
            where.append(" and s.said_earliest <= ").append(args.add(toDate));
        }
        if (filter.updatedSince != null) {
            where.append(" and s.modified_at >= ").append(args.add(filter.updatedSince));
        }
        if (filter.kind != null) {
            where.append(" and s.kind = ").append(args.add(filter.kind.name()));
        }
        if (filter.search != null) {
            if (filter.search.isBlank() || filter.search.length() > 300) {
                throw new BadUserInputException("filter.search must be 1 to 300 characters");
            }
            // the matches through the text index first (offset 0 keeps the subquery apart): with the condition on
            // s itself the planner walked the date order and tested every statement, 1.5 s at scale 1 for a name
            // that a few statements hold (docs/BENCHMARKS.md, Explorer)
            where.append(" and s.id in (select m.id from statement m where m.search_vector @@ websearch_to_tsquery(")
                    .append("'english', ").append(args.add(filter.search)).append(") offset 0)");
        }
        return where.toString();
    }
}
