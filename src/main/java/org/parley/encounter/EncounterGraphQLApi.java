package org.parley.encounter;

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
import org.parley.read.ListCount;
import org.parley.read.Batch;
import org.parley.read.Lookahead;
import org.parley.write.GivenFields;
import org.parley.write.DeletePayload;
import org.parley.write.GivenFields;
import org.parley.read.Page;
import org.parley.read.PageRequest;
import org.parley.write.Writes;

import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/** Root query for encounters, the fields of encounters, and {@code Actor.encounters}. */
@GraphQLApi
public class EncounterGraphQLApi {

    @Inject
    Context context;

    /** How many likely duplicates recordEncounter lists. */
    private static final int LIKELY_DUPLICATES = 10;

    private final EncounterRepository encounters;
    private final EncounterService service;
    private final ActorRepository actors;
    private final EncounterMerge merges;

    EncounterGraphQLApi(EncounterRepository encounters, EncounterService service, ActorRepository actors,
            EncounterMerge merges) {
        this.encounters = encounters;
        this.service = service;
        this.actors = actors;
        this.merges = merges;
    }

    @Mutation
    @RolesAllowed("admin")
    @NonNull
    @Description("Deletes an encounter, leaving a tombstone that `tombstones` lists. Refused with IN_USE while live statements were made at it."
            + " Needs the role admin.")
    public Uni<DeleteEncounterPayload> deleteEncounter(@Name("input") @NonNull DeleteEncounterInput input) {
        return DeletePayload.answer(service.delete(input), input.id, new DeleteEncounterPayload());
    }

    @Mutation
    @RolesAllowed({ "editor", "admin" })
    @NonNull
    @Description("Records an encounter with its participants and at least one attestation. Needs the role editor.")
    public Uni<EncounterPayload.Record> recordEncounter(@Name("input") @NonNull RecordEncounterInput input) {
        return answer(service.record(input), new EncounterPayload.Record()).call(payload -> payload.encounter == null
                ? Uni.createFrom().voidItem()
                : encounters.likelyDuplicates(payload.encounter.dbId, LIKELY_DUPLICATES)
                        .invoke(found -> payload.likelyDuplicates = found));
    }

    @Mutation("setEncounterStatus") // named: SmallRye strips a "set" prefix from method names
    @RolesAllowed({ "editor", "admin" })
    @NonNull
    @Description("Adds a step to an encounter's status history (a summit cancelled, then held). The status becomes"
            + " that of the step with the latest effective date (ties: the one entered last), so a backdated step"
            + " (PLANNED on the day it was announced, entered after the meeting was HELD) is history only. A step"
            + " without `effective` counts from the latest effective date entered before it. Needs the role editor.")
    public Uni<EncounterPayload.SetStatus> changeStatus(@Name("input") @NonNull SetEncounterStatusInput input) {
        return answer(service.setStatus(input), new EncounterPayload.SetStatus());
    }

    @Mutation
    @RolesAllowed("admin")
    @NonNull
    @Description("Folds a duplicate encounter (`merge`) into another (`keep`): participants, attestations, status steps,"
            + " statements made there or about it, and parts move to `keep`, which fills its empty summary, place and"
            + " dates from the duplicate; where one source attests both, the duplicate's excerpt is kept in the"
            + " attestation's `note`. The duplicate's ID resolves to `keep` through `node`, and `tombstones` lists it"
            + " with `mergedIntoId`. Refused (INVALID) when one encounter is part of the other. Needs the role admin.")
    public Uni<EncounterPayload.Merge> mergeEncounters(@Name("input") @NonNull MergeEncountersInput input) {
        return answer(merges.merge(input), new EncounterPayload.Merge());
    }

    @Mutation
    @RolesAllowed({ "editor", "admin" })
    @NonNull
    @Description("Changes an encounter, if it is still at the given version. Needs the role editor.")
    public Uni<EncounterPayload.Update> updateEncounter(@Name("input") @NonNull UpdateEncounterInput input) {
        return answer(service.update(input, GivenFields.of(context, "input")), new EncounterPayload.Update());
    }

    private <P extends EncounterPayload> Uni<P> answer(Uni<Long> write, P payload) {
        return Writes.outcome(write.chain(id -> encounters.byIds(new Long[] { id }).map(found -> found.get(id))))
                .map(outcome -> {
                    payload.encounter = outcome.value();
                    payload.userErrors = outcome.userErrors();
                    return payload;
                });
    }

    @NonNull
    @Description("How the status changed over time, by effective date (a step without one follows the steps entered before it), then in entry order, each with its source where known. Returns the first `first` items (50 unless given, at most 100).")
    public Uni<List<List<@NonNull StatusChange>>> statusHistory(@Source List<Encounter> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return encounters.statusHistory(parents, PageRequest.firstItems(first));
    }

    @Description("The encounter this one is part of (the state visit of a treaty signing); null for none.")
    public Uni<List<Encounter>> partOf(@Source List<Encounter> parents) {
        return Batch.follow(parents, e -> e.partOfId, encounters::byIds);
    }

    @NonNull
    @Description("The encounters that are part of this one, chronological (undated last). Returns the first `first`"
            + " items (50 unless given, at most 100).")
    public Uni<List<List<@NonNull Encounter>>> parts(@Source List<Encounter> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return encounters.parts(parents, PageRequest.firstItems(first));
    }

    @Query
    @NonNull
    @Description("Encounters in chronological order: by `start.earliest`, the first day the sources allow (a plain"
            + " date's first day; an uncertain start sorts at the opening of its interval, so two encounters whose"
            + " intervals overlap may have happened the other way round), then by ID; undated last. `first` defaults"
            + " to 20, at most 100.")
    public Uni<EncounterConnection> encounters(@Name("filter") EncounterFilter filter, @Name("first") Integer first,
            @Name("after") String after) {
        return encounters.list(filter, PageRequest.of(first, after),
                Lookahead.of(context, Encounter.TO_ONE, "nodes", "edges.node")).map(EncounterConnection::new);
    }

    @NonNull
    @Description("Who took part and in which role: hosts first. Returns the first `first` items (50 unless given, at most 100).")
    public Uni<List<List<@NonNull Participant>>> participants(@Source List<Encounter> parents,
            @Name("first") @DefaultValue(PageRequest.LIST_DEFAULT) Integer first) {
        return encounters.participants(parents, PageRequest.firstItems(first));
    }

    @Description("The state the place lies in.")
    public Uni<List<Actor>> country(@Source List<Place> places) {
        return Batch.follow(places, p -> p.countryId, actors::byIds);
    }

    @NonNull
    @Description("Encounters this actor takes part in, chronological. `first` defaults to 20, at most 100.")
    public Uni<List<EncounterConnection>> encounters(@Source List<Actor> parents, @Name("first") Integer first,
            @Name("after") String after) {
        PageRequest request = PageRequest.of(first, after);
        Long[] ids = Batch.keys(parents, a -> a.dbId);
        return encounters.ofActors(ids, request).map(pages -> parents.stream()
                .map(a -> new EncounterConnection(pages.getOrDefault(a.dbId, Page.empty(request))))
                .toList());
    }

    @NonNull
    @Description("How many encounters the whole list holds.")
    public Uni<List<Integer>> totalCount(@Source List<EncounterConnection> connections) {
        return ListCount.of(connections, EncounterConnection::page);
    }
}
