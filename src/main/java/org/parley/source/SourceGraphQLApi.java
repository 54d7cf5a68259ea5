package org.parley.source;

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
import org.parley.actor.Role;
import org.parley.encounter.Encounter;
import org.parley.encounter.EncounterRepository;
import org.parley.encounter.StatusChange;
import org.parley.read.ListCount;
import org.parley.read.Batch;
import org.parley.read.Lookahead;
import org.parley.write.DeletePayload;
import org.parley.write.GivenFields;
import org.parley.api.GlobalId;
import org.parley.api.NodeType;
import org.parley.read.PageRequest;
import org.parley.write.Writes;
import org.parley.source.SourceRepository.Side;
import org.parley.statement.Statement;
import org.parley.statement.StatementRepository;

import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/**
 * Root query for sources and every field that follows an attestation: from encounters and statements to their
 * sources, and back. (MicroProfile's {@code @Source} marks the parent of a batch; it is unrelated to the type.)
 */
@GraphQLApi
public class SourceGraphQLApi {

    private final SourceRepository sources;
    private final SourceService service;
    private final AttestationService attestations;
    private final EncounterRepository encounters;
    private final StatementRepository statements;

    @Inject
    Context context;

    SourceGraphQLApi(SourceRepository sources, SourceService service, AttestationService attestations,
            EncounterRepository encounters, StatementRepository statements) {
        this.sources = sources;
        this.service = service;
        this.attestations = attestations;
        this.encounters = encounters;
        this.statements = statements;
    }

    @Mutation
    @RolesAllowed("admin")
    @NonNull
    @Description("Deletes a source, and its attestations with it, leaving a tombstone that `tombstones` lists. Refused with LAST_ATTESTATION while it is the only source of a live encounter or statement,"
            + " and with IN_USE while live statements are about it."
            + " Needs the role admin.")
    public Uni<DeleteSourcePayload> deleteSource(@Name("input") @NonNull DeleteSourceInput input) {
        return DeletePayload.answer(service.delete(input), input.id, new DeleteSourcePayload());
    }

    @Mutation
    @RolesAllowed({ "editor", "admin" })
    @NonNull
    @Description("Records that a source reports an encounter, a statement or an agreement, with the excerpt that"
            + " says so. Needs the role editor.")
    public Uni<AttestationPayloads.Attest> attest(@Name("input") @NonNull AttestInput input) {
        return Writes.outcome(attestations.attest(input).chain(subject -> {
            long source = GlobalId.decode(input.source).id();
            return switch (subject.type()) {
                case ENCOUNTER -> sources.attestation(Side.ENCOUNTER, subject.id(), source);
                case STATEMENT -> sources.attestation(Side.STATEMENT, subject.id(), source);
                default -> sources.agreementAttestation(subject.id(), source);
            };
        }))
                .map(outcome -> {
                    AttestationPayloads.Attest payload = new AttestationPayloads.Attest();
                    payload.attestation = outcome.value();
                    payload.userErrors = outcome.userErrors();
                    return payload;
                });
    }

    @Mutation
    @RolesAllowed({ "editor", "admin" })
    @NonNull
    @Description("Withdraws a source's attestation of an encounter, a statement or an agreement. Refused"
            + " (LAST_ATTESTATION) when it is the only one: nothing is left unsourced. Needs the role editor.")
    public Uni<AttestationPayloads.Remove> removeAttestation(@Name("input") @NonNull RemoveAttestationInput input) {
        AttestationPayloads.Remove payload = new AttestationPayloads.Remove();
        return Writes.outcome(attestations.remove(input).call(subject -> switch (subject.type()) {
            case ENCOUNTER -> encounters.byIds(new Long[] { subject.id() })
                    .invoke(found -> payload.encounter = found.get(subject.id()));
            case STATEMENT -> statements.byIds(new Long[] { subject.id() })
                    .invoke(found -> payload.statement = found.get(subject.id()));
            default -> Uni.createFrom().item(subject).invoke(agreement -> payload.agreementId = agreement.id());
        }))
                .map(outcome -> {
                    payload.userErrors = outcome.userErrors();
                    return payload;
                });
    }

    @Name("source")
    @Description("The source that reports the change, when recorded.")
    public Uni<List<org.parley.source.Source>> statusChangeSource(@Source List<StatusChange> parents) {
        return Batch.follow(parents, c -> c.sourceId, sources::byIds);
    }

    @Mutation
    @RolesAllowed({ "editor", "admin" })
    @NonNull
    @Description("Records a new source. Needs the role editor.")
    public Uni<AddSourcePayload> addSource(@Name("input") @NonNull AddSourceInput input) {
        return Writes.outcome(service.add(input).chain(id -> sources.byIds(new Long[] { id }).map(found -> found.get(id))))
                .map(outcome -> {
                    AddSourcePayload payload = new AddSourcePayload();
                    payload.source = outcome.value();
                    payload.userErrors = outcome.userErrors();
                    return payload;
                });
    }

    @Mutation
    @RolesAllowed({ "editor", "admin" })
    @NonNull
    @Description("Corrects a source: a field left out keeps its value, a field given as null clears it. A change"
            + " that changes nothing keeps the version and writes no change entry. Needs the role editor.")
    public Uni<UpdateSourcePayload> updateSource(@Name("input") @NonNull UpdateSourceInput input) {
        GivenFields given = GivenFields.of(context, "input");
        return Writes.outcome(service.update(input, given)
                .chain(id -> sources.byIds(new Long[] { id }).map(found -> found.get(id))))
                .map(outcome -> {
                    UpdateSourcePayload payload = new UpdateSourcePayload();
                    payload.source = outcome.value();
                    payload.userErrors = outcome.userErrors();
                    return payload;
                });
    }

    @Query
    @NonNull
    @Description("Sources by publication date (undated last). `first` defaults to 20, at most 100.")
    public Uni<SourceConnection> sources(@Name("filter") SourceFilter filter, @Name("first") Integer first,
            @Name("after") String after) {
        return sources.list(filter, PageRequest.of(first, after)).map(SourceConnection::new);
    }

    @Name("attestations")
    @NonNull
    @Description("What each source says about this encounter, with its excerpt; at least one. Returns the first `first` items (50 unless given, at most 100).")
    public Uni<List<List<@NonNull Attestation>>> encounterAttestations(@Source List<Encounter> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return sources.attestations(Side.ENCOUNTER, parents, e -> e.dbId, PageRequest.firstItems(first),
                Lookahead.of(context, Attestation.TO_ONE));
    }

    @Name("sources")
    @NonNull
    @Description("The sources that report this encounter. Returns the first `first` items (50 unless given, at most 100).")
    public Uni<List<List<org.parley.source.@NonNull Source>>> encounterSources(@Source List<Encounter> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return sources.sources(Side.ENCOUNTER, parents, e -> e.dbId, PageRequest.firstItems(first));
    }

    @Name("attestations")
    @NonNull
    @Description("What each source says about this statement, with its excerpt; at least one. Returns the first `first` items (50 unless given, at most 100).")
    public Uni<List<List<@NonNull Attestation>>> statementAttestations(@Source List<Statement> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return sources.attestations(Side.STATEMENT, parents, s -> s.dbId, PageRequest.firstItems(first),
                Lookahead.of(context, Attestation.TO_ONE));
    }

    @Name("sources")
    @NonNull
    @Description("The sources that report this statement. Returns the first `first` items (50 unless given, at most 100).")
    public Uni<List<List<org.parley.source.@NonNull Source>>> statementSources(@Source List<Statement> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return sources.sources(Side.STATEMENT, parents, s -> s.dbId, PageRequest.firstItems(first));
    }

    @Name("attestations")
    @NonNull
    @Description("Everything this source attests, with its excerpts, in the order they were recorded. Returns the first `first` items (50 unless given, at most 100).")
    public Uni<List<List<@NonNull Attestation>>> sourceAttestations(
            @Source List<org.parley.source.Source> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return sources.attestations(Side.SOURCE, parents, s -> s.dbId, PageRequest.firstItems(first),
                Lookahead.of(context, Attestation.TO_ONE));
    }

    @Name("encounters")
    @NonNull
    @Description("The encounters this source reports, chronological. Returns the first `first` items (50 unless given, at most 100).")
    public Uni<List<List<@NonNull Encounter>>> sourceEncounters(@Source List<org.parley.source.Source> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return sources.encounters(parents, PageRequest.firstItems(first));
    }

    @Name("statements")
    @NonNull
    @Description("The statements this source reports, by date. Returns the first `first` items (50 unless given, at most 100).")
    public Uni<List<List<@NonNull Statement>>> sourceStatements(@Source List<org.parley.source.Source> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return sources.statements(parents, PageRequest.firstItems(first), Lookahead.of(context, Statement.TO_ONE));
    }

    @Name("source")
    @NonNull
    @Description("The source that says it.")
    public Uni<List<org.parley.source.Source>> attestationSource(@Source List<Attestation> parents) {
        return Batch.follow(parents, a -> a.sourceId, sources::byIds);
    }

    @Name("encounter")
    @Description("The encounter attested, when it is an encounter.")
    public Uni<List<Encounter>> attestedEncounter(@Source List<Attestation> parents) {
        return Batch.follow(parents, a -> a.encounterId, encounters::byIds);
    }

    @Name("statement")
    @Description("The statement attested, when it is a statement.")
    public Uni<List<Statement>> attestedStatement(@Source List<Attestation> parents) {
        return Batch.follow(parents, a -> a.statementId, statements::byIds);
    }

    @Name("source")
    @Description("The source that gives this role, when recorded.")
    public Uni<List<org.parley.source.Source>> roleSource(@Source List<Role> parents) {
        return Batch.follow(parents, r -> r.sourceId, sources::byIds);
    }

    @NonNull
    @Description("How many sources the whole list holds.")
    public Uni<List<Integer>> totalCount(@Source List<SourceConnection> connections) {
        return ListCount.of(connections, SourceConnection::page);
    }
}
