package org.parley.encounter;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.parley.actor.Actor;
import org.parley.actor.ActorRepository;
import org.parley.graphql.Batch;
import org.parley.graphql.Page;
import org.parley.graphql.PageRequest;

import io.smallrye.mutiny.Uni;

/** Root query for encounters, the fields of encounters, and {@code Actor.encounters}. */
@GraphQLApi
public class EncounterGraphQLApi {

    private final EncounterRepository encounters;
    private final ActorRepository actors;

    EncounterGraphQLApi(EncounterRepository encounters, ActorRepository actors) {
        this.encounters = encounters;
        this.actors = actors;
    }

    @Query
    @NonNull
    @Description("Encounters in chronological order (undated last). `first` defaults to 20, at most 100.")
    public Uni<EncounterConnection> encounters(@Name("filter") EncounterFilter filter, @Name("first") Integer first,
            @Name("after") String after) {
        return encounters.list(filter, PageRequest.of(first, after)).map(EncounterConnection::new);
    }

    @NonNull
    @Description("Who took part and in which role: hosts first.")
    public Uni<List<List<@NonNull Participant>>> participants(@Source List<Encounter> parents) {
        return encounters.participants(parents);
    }

    @NonNull
    @Description("The participating actor.")
    public Uni<List<Actor>> actor(@Source List<Participant> participants) {
        return Batch.follow(participants, p -> p.actorId, actors::byIds);
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
                .map(a -> new EncounterConnection(pages.getOrDefault(a.dbId, Page.empty(request, 0))))
                .toList());
    }
}
