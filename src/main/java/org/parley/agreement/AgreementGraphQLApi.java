package org.parley.agreement;

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
import org.parley.encounter.Encounter;
import org.parley.encounter.EncounterRepository;
import org.parley.read.Batch;
import org.parley.read.ListCount;
import org.parley.read.PageRequest;
import org.parley.source.Attestation;
import org.parley.source.AttestationPayloads;
import org.parley.source.Disagreement;
import org.parley.source.SourceRepository;
import org.parley.statement.Statement;
import org.parley.write.DeletePayload;
import org.parley.write.GivenFields;
import org.parley.write.Writes;

import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/**
 * Root query and mutations for agreements, their fields, and the fields other types get from them
 * ({@code Actor.agreements}, {@code Encounter.agreementsSigned}, {@code Source.agreements},
 * {@code Statement.aboutAgreements}, {@code Disagreement.agreement}, and the agreement of {@code attest}'s and {@code removeAttestation}'s answers). Every nested field is batched: one statement per field and level.
 */
@GraphQLApi
public class AgreementGraphQLApi {

    private final AgreementRepository agreements;
    private final AgreementService service;
    private final EncounterRepository encounters;
    private final SourceRepository sources;

    @Inject
    Context context;

    AgreementGraphQLApi(AgreementRepository agreements, AgreementService service, EncounterRepository encounters,
            SourceRepository sources) {
        this.agreements = agreements;
        this.service = service;
        this.encounters = encounters;
        this.sources = sources;
    }

    @Query
    @NonNull
    @Description("Agreements by title. `first` defaults to 20, at most 100.")
    public Uni<AgreementConnection> agreements(@Name("filter") AgreementFilter filter, @Name("first") Integer first,
            @Name("after") String after) {
        return agreements.list(filter, PageRequest.of(first, after)).map(AgreementConnection::new);
    }

    @NonNull
    @Description("How many agreements the whole list holds.")
    public Uni<List<Integer>> totalCount(@Source List<AgreementConnection> connections) {
        return ListCount.of(connections, AgreementConnection::page);
    }

    @Mutation
    @RolesAllowed({ "editor", "admin" })
    @NonNull
    @Description("Records an agreement with its parties, steps and at least one attestation. Needs the role editor.")
    public Uni<AgreementPayload.Create> createAgreement(@Name("input") @NonNull CreateAgreementInput input) {
        return answer(service.create(input), new AgreementPayload.Create());
    }

    @Mutation
    @RolesAllowed({ "editor", "admin" })
    @NonNull
    @Description("Corrects an agreement: a field left out keeps its value, a field given as null clears it, a list"
            + " given replaces the stored one. A change that changes nothing keeps the version and writes no change"
            + " entry. Needs the role editor.")
    public Uni<AgreementPayload.Update> updateAgreement(@Name("input") @NonNull UpdateAgreementInput input) {
        return answer(service.update(input, GivenFields.of(context, "input")), new AgreementPayload.Update());
    }

    @Mutation
    @RolesAllowed("admin")
    @NonNull
    @Description("Deletes an agreement, leaving a tombstone that `tombstones` lists. Refused with IN_USE while live"
            + " statements are about it. Needs the role admin.")
    public Uni<DeleteAgreementPayload> deleteAgreement(@Name("input") @NonNull DeleteAgreementInput input) {
        return DeletePayload.answer(service.delete(input), input.id, new DeleteAgreementPayload());
    }

    private <P extends AgreementPayload> Uni<P> answer(Uni<Long> write, P payload) {
        return Writes.outcome(write.chain(id -> agreements.byIds(new Long[] { id }).map(found -> found.get(id))))
                .map(outcome -> {
                    payload.agreement = outcome.value();
                    payload.userErrors = outcome.userErrors();
                    return payload;
                });
    }

    @NonNull
    @Description("The actors bound by it, in the order recorded. Returns the first `first` items (50 unless given,"
            + " at most 100).")
    public Uni<List<List<@NonNull Actor>>> parties(@Source List<Agreement> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return agreements.parties(parents, PageRequest.firstItems(first));
    }

    @Description("The encounter where it was signed, when known.")
    public Uni<List<Encounter>> signedAt(@Source List<Agreement> parents) {
        return Batch.follow(parents, a -> a.signedAtId, encounters::byIds);
    }

    @NonNull
    @Description("Its steps in order (signed, ratified, in force...). Returns the first `first` items (50 unless"
            + " given, at most 100).")
    public Uni<List<List<@NonNull AgreementStep>>> steps(@Source List<Agreement> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return agreements.steps(parents, PageRequest.firstItems(first));
    }

    @NonNull
    @Description("What each source says about it, with its excerpt. Returns the first `first` items (50 unless"
            + " given, at most 100).")
    public Uni<List<List<@NonNull AgreementAttestation>>> attestations(@Source List<Agreement> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return agreements.attestations(parents, PageRequest.firstItems(first));
    }

    @NonNull
    @Description("Statements about it (`Statement.aboutAgreements`), by date. Returns the first `first` items (50"
            + " unless given, at most 100).")
    public Uni<List<List<@NonNull Statement>>> statementsAbout(@Source List<Agreement> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return agreements.statementsAbout(parents, PageRequest.firstItems(first));
    }

    @Name("source")
    @Description("The source that reports the step, when recorded.")
    public Uni<List<org.parley.source.Source>> stepSource(@Source List<AgreementStep> parents) {
        return Batch.follow(parents, s -> s.sourceId, sources::byIds);
    }

    @Name("source")
    @NonNull
    @Description("The source that says it.")
    public Uni<List<org.parley.source.Source>> attestationSource(@Source List<AgreementAttestation> parents) {
        return Batch.follow(parents, a -> a.sourceId, sources::byIds);
    }

    @Name("agreements")
    @NonNull
    @Description("The agreements this actor is a party to, by title. Returns the first `first` items (50 unless"
            + " given, at most 100).")
    public Uni<List<List<@NonNull Agreement>>> actorAgreements(@Source List<Actor> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return agreements.ofActors(parents, PageRequest.firstItems(first));
    }

    @Name("agreementsSigned")
    @NonNull
    @Description("The agreements signed at this encounter, by title. Returns the first `first` items (50 unless"
            + " given, at most 100).")
    public Uni<List<List<@NonNull Agreement>>> agreementsSigned(@Source List<Encounter> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return agreements.signedAt(parents, PageRequest.firstItems(first));
    }

    @Name("agreements")
    @NonNull
    @Description("The agreements this source reports, by title. Returns the first `first` items (50 unless given,"
            + " at most 100).")
    public Uni<List<List<@NonNull Agreement>>> sourceAgreements(@Source List<org.parley.source.Source> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return agreements.attestedBy(parents, PageRequest.firstItems(first));
    }

    @Name("agreement")
    @Description("The agreement attested, when it is an agreement (only on the attestation `attest` answers: an"
            + " agreement lists its own in `Agreement.attestations`).")
    public Uni<List<Agreement>> attestedAgreement(@Source List<Attestation> parents) {
        return Batch.follow(parents, a -> a.agreementId, agreements::byIds);
    }

    @Name("agreement")
    @Description("The agreement, when the attestation was of an agreement.")
    public Uni<List<Agreement>> removedFromAgreement(@Source List<AttestationPayloads.Remove> parents) {
        return Batch.follow(parents, p -> p.agreementId, agreements::byIds);
    }

    @Name("agreement")
    @Description("The agreement the sources disagree on, when it is an agreement.")
    public Uni<List<Agreement>> disagreedOn(@Source List<Disagreement> parents) {
        return Batch.follow(parents, d -> d.agreementId, agreements::byIds);
    }

    @Name("aboutAgreements")
    @NonNull
    @Description("The agreements this statement is about, in the order given. Returns the first `first` items (50"
            + " unless given, at most 100).")
    public Uni<List<List<@NonNull Agreement>>> aboutAgreements(@Source List<Statement> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return agreements.aboutAgreements(parents, PageRequest.firstItems(first));
    }
}
