package org.parley.source;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.parley.api.PartialDate;
import org.parley.encounter.Encounter;
import org.parley.encounter.EncounterRepository;
import org.parley.read.Batch;
import org.parley.read.ListCount;
import org.parley.read.Lookahead;
import org.parley.read.PageRequest;
import org.parley.statement.Statement;
import org.parley.statement.StatementRepository;

import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/** The facts on which sources disagree, across all encounters, statements and agreements. */
@GraphQLApi
public class DisagreementGraphQLApi {

    private final DisagreementRepository disagreements;
    private final EncounterRepository encounters;
    private final StatementRepository statements;

    @Inject
    Context context;

    DisagreementGraphQLApi(DisagreementRepository disagreements, EncounterRepository encounters,
            StatementRepository statements) {
        this.disagreements = disagreements;
        this.encounters = encounters;
        this.statements = statements;
    }

    @Query
    @NonNull
    @Description("Every encounter, statement and agreement whose sources disagree on its date (see"
            + " `DisagreementFact`), newest first: by the recorded date, or the latest version when none is recorded;"
            + " then encounters, statements, agreements. `first` defaults to 20, at most 100.")
    public Uni<DisagreementConnection> disagreements(@Name("first") Integer first, @Name("after") String after) {
        return disagreements.list(PageRequest.of(first, after),
                Lookahead.of(context, Disagreement.TO_ONE, "nodes", "edges.node")).map(DisagreementConnection::new);
    }

    @Description("The encounter the sources disagree on, when it is an encounter.")
    public Uni<List<Encounter>> encounter(@Source List<Disagreement> parents) {
        return Batch.follow(parents, d -> d.encounterId, encounters::byIds);
    }

    @Description("The statement the sources disagree on, when it is a statement.")
    public Uni<List<Statement>> statement(@Source List<Disagreement> parents) {
        return Batch.follow(parents, d -> d.statementId, statements::byIds);
    }

    @NonNull
    @Description("The distinct dates the sources give, earliest first: an attestation's `reportedDate`, or the"
            + " recorded date for a source that gives none of its own. Returns the first `first` items (50 unless given,"
            + " at most 100).")
    public Uni<List<List<@NonNull PartialDate>>> versions(@Source List<Disagreement> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        // read with the page: no statement of its own
        int size = PageRequest.firstItems(first).first();
        return Uni.createFrom().item(parents.stream()
                .map(d -> d.versions.subList(0, Math.min(size, d.versions.size()))).toList());
    }

    @NonNull
    @Description("How many disagreements the whole list holds.")
    public Uni<List<Integer>> totalCount(@Source List<DisagreementConnection> connections) {
        return ListCount.of(connections, DisagreementConnection::page);
    }
}
