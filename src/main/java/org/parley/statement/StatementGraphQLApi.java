package org.parley.statement;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.parley.actor.Actor;
import org.parley.actor.ActorRepository;
import org.parley.encounter.Encounter;
import org.parley.encounter.EncounterRepository;
import org.parley.read.ListCount;
import org.parley.read.Batch;
import org.parley.read.Lookahead;
import org.parley.write.GivenFields;
import org.parley.write.DeletePayload;
import org.parley.write.InputSizes;
import org.parley.read.Page;
import org.parley.read.PageRequest;
import org.parley.write.Writes;
import org.parley.limits.Limits;

import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/** Root query for statements, the fields of statements, and the statement fields of actors, encounters and sources. */
@GraphQLApi
public class StatementGraphQLApi {

    @Inject
    Context context;

    private final StatementRepository statements;
    private final StatementService service;
    private final ActorRepository actors;
    private final EncounterRepository encounters;
    private final int maxAbout;

    StatementGraphQLApi(StatementRepository statements, StatementService service, ActorRepository actors,
            EncounterRepository encounters, Limits limits) {
        this.statements = statements;
        this.service = service;
        this.actors = actors;
        this.encounters = encounters;
        this.maxAbout = limits.maxStatementAbout();
    }

    @Mutation
    @RolesAllowed("admin")
    @NonNull
    @Description("Deletes a statement, leaving a tombstone that `tombstones` lists. Refused with IN_USE while live statements respond to it or are about it."
            + " Needs the role admin.")
    public Uni<DeleteStatementPayload> deleteStatement(@Name("input") @NonNull DeleteStatementInput input) {
        return DeletePayload.answer(service.delete(input), input.id, new DeleteStatementPayload());
    }

    @Mutation
    @RolesAllowed({ "editor", "admin" })
    @NonNull
    @Description("Records a statement with its speaker and at least one attestation. Needs the role editor.")
    public Uni<RecordStatementPayload> recordStatement(@Name("input") @NonNull RecordStatementInput input) {
        limitAbout(input.about, input.aboutEncounters, input.aboutAgreements, input.aboutSources, input.aboutStatements);
        return Writes.outcome(service.record(input).chain(id -> statements.byIds(new Long[] { id }).map(found -> found.get(id))))
                .map(outcome -> {
                    RecordStatementPayload payload = new RecordStatementPayload();
                    payload.statement = outcome.value();
                    payload.userErrors = outcome.userErrors();
                    return payload;
                });
    }

    /** What a statement may be about, per kind, is bounded ({@code parley.limits.max-statement-about}). */
    private void limitAbout(List<String> about, List<String> aboutEncounters, List<String> aboutAgreements,
            List<String> aboutSources, List<String> aboutStatements) {
        InputSizes.atMost(about, maxAbout, "input.about", "actors");
        InputSizes.atMost(aboutEncounters, maxAbout, "input.aboutEncounters", "encounters");
        InputSizes.atMost(aboutAgreements, maxAbout, "input.aboutAgreements", "agreements");
        InputSizes.atMost(aboutSources, maxAbout, "input.aboutSources", "sources");
        InputSizes.atMost(aboutStatements, maxAbout, "input.aboutStatements", "statements");
    }

    @Query
    @NonNull
    @Description("Statements by date: by `saidOn.earliest`, the first day the sources allow (an uncertain date sorts at"
            + " the opening of its interval), then in the order of the data; undated last. `first` defaults to 20, at"
            + " most 100.")
    public Uni<StatementConnection> statements(@Name("filter") StatementFilter filter, @Name("first") Integer first,
            @Name("after") String after) {
        return statements.list(filter, PageRequest.of(first, after), connection()).map(StatementConnection::new);
    }

    @Mutation
    @RolesAllowed({ "editor", "admin" })
    @NonNull
    @Description("Changes a statement, if it is still at the given version: its words, date, speaker, where it was"
            + " said, what it answers and what it is about. Needs the role editor.")
    public Uni<UpdateStatementPayload> updateStatement(@Name("input") @NonNull UpdateStatementInput input) {
        limitAbout(input.about, input.aboutEncounters, input.aboutAgreements, input.aboutSources, input.aboutStatements);
        return Writes.outcome(service.update(input, GivenFields.of(context, "input")).chain(id -> statements.byIds(new Long[] { id }).map(found -> found.get(id))))
                .map(outcome -> {
                    UpdateStatementPayload payload = new UpdateStatementPayload();
                    payload.statement = outcome.value();
                    payload.userErrors = outcome.userErrors();
                    return payload;
                });
    }

    @Description("The speaker, when a known actor; see `speakerLabel` otherwise.")
    public Uni<List<Actor>> speaker(@Source List<Statement> parents) {
        return Batch.follow(parents, s -> s.speakerId, actors::byIds);
    }

    @Description("The encounter at which it was said, if any.")
    public Uni<List<Encounter>> encounter(@Source List<Statement> parents) {
        return Batch.follow(parents, s -> s.encounterId, encounters::byIds);
    }

    @NonNull
    @Description("The actors the statement is about. Returns the first `first` items (50 unless given, at most 100).")
    public Uni<List<List<@NonNull Actor>>> about(@Source List<Statement> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return statements.about(parents, PageRequest.firstItems(first));
    }

    @NonNull
    @Description("The encounters the statement is about (a summit it sums up, a visit it announces), in the order"
            + " given. Returns the first `first` items (50 unless given, at most 100).")
    public Uni<List<List<@NonNull Encounter>>> aboutEncounters(@Source List<Statement> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return statements.aboutEncounters(parents, PageRequest.firstItems(first));
    }

    @NonNull
    @Description("Statements about this encounter (`Statement.aboutEncounters`), by date: what was said of it before"
            + " or after, wherever it was said. Returns the first `first` items (50 unless given, at most 100).")
    public Uni<List<List<@NonNull Statement>>> statementsAbout(@Source List<Encounter> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return statements.aboutEncountersOf(parents, PageRequest.firstItems(first), items());
    }

    @NonNull
    @Description("The sources the statement is about (the report it calls fabricated), in the order given. Returns"
            + " the first `first` items (50 unless given, at most 100).")
    public Uni<List<List<org.parley.source.@NonNull Source>>> aboutSources(@Source List<Statement> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return statements.aboutSources(parents, PageRequest.firstItems(first));
    }

    @Name("statementsAbout")
    @NonNull
    @Description("Statements about this source (`Statement.aboutSources`), by date: what was said of the report"
            + " itself. Returns the first `first` items (50 unless given, at most 100).")
    public Uni<List<List<@NonNull Statement>>> statementsAboutSource(@Source List<org.parley.source.Source> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return statements.aboutSourcesOf(parents, PageRequest.firstItems(first), items());
    }

    @NonNull
    @Description("The statements this one comments on, in the order given; unlike `respondsTo` (the one it"
            + " answers) there may be several. Returns the first `first` items (50 unless given, at most 100).")
    public Uni<List<List<@NonNull Statement>>> aboutStatements(@Source List<Statement> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return statements.aboutStatements(parents, PageRequest.firstItems(first), items());
    }

    @Name("statementsAbout")
    @NonNull
    @Description("Statements that comment on this one (`Statement.aboutStatements`), by date. Returns the first"
            + " `first` items (50 unless given, at most 100).")
    public Uni<List<List<@NonNull Statement>>> statementsAboutStatement(@Source List<Statement> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return statements.aboutStatementsOf(parents, PageRequest.firstItems(first), items());
    }

    @Description("The statement this one answers: what a denial denies, the invitation an acceptance accepts.")
    public Uni<List<Statement>> respondsTo(@Source List<Statement> parents) {
        return Batch.follow(parents, s -> s.respondsToId, statements::byIds);
    }

    @NonNull
    @Description("Statements that answer this one. Returns the first `first` items (50 unless given, at most 100).")
    public Uni<List<List<@NonNull Statement>>> responses(@Source List<Statement> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return statements.responsesTo(parents, PageRequest.firstItems(first), items());
    }

    @NonNull
    @Description("Statements made at this encounter, by date. Returns the first `first` items (50 unless given, at most 100).")
    public Uni<List<List<@NonNull Statement>>> statements(@Source List<Encounter> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return statements.atEncounters(parents, PageRequest.firstItems(first), items());
    }

    @NonNull
    @Description("Statements this actor made, by date. `first` defaults to 20, at most 100.")
    public Uni<List<StatementConnection>> statements(@Source List<Actor> parents, @Name("first") Integer first,
            @Name("after") String after) {
        PageRequest request = PageRequest.of(first, after);
        return statements.bySpeakers(Batch.keys(parents, a -> a.dbId), request, connection()).map(pages -> parents.stream()
                .map(a -> new StatementConnection(pages.getOrDefault(a.dbId, Page.empty(request))))
                .toList());
    }

    /** The to-one fields of the statements of this field's connection to read with them. */
    private Lookahead connection() {
        return Lookahead.of(context, Statement.TO_ONE, "nodes", "edges.node");
    }

    /** The to-one fields of the statements of this list field to read with them. */
    private Lookahead items() {
        return Lookahead.of(context, Statement.TO_ONE);
    }

    @NonNull
    @Description("How many statements the whole list holds.")
    public Uni<List<Integer>> totalCount(@Source List<StatementConnection> connections) {
        return ListCount.of(connections, StatementConnection::page);
    }
}
