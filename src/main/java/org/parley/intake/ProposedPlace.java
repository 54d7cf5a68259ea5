package org.parley.intake;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.actor.Actor;

import com.fasterxml.jackson.annotation.JsonIgnore;

@Type("ProposedPlace")
@Description("A place an article names, as the intake read and matched it.")
public class ProposedPlace {

    @NonNull
    @Description("How it relates to the recorded places and states.")
    public PlaceMatchKind match = PlaceMatchKind.NEW;

    @NonNull
    @Description("The name as printed, or as recorded when RECORDED_PLACE.")
    public String name = "";

    @Description("How sure the proposal is, from 0 to 1.")
    public double confidence;

    /** The recorded state: the STATE itself, or the country of a RECORDED_PLACE (the GraphQL field {@code state}). */
    @Ignore
    public Long stateId;

    /** The recorded state as matching read it, for the answer of proposeFromArticle; not kept with the intake. */
    @Ignore
    @JsonIgnore
    public Actor state;

    public ProposedPlace() {
    }

    ProposedPlace(String name, double confidence) {
        this.name = name;
        this.confidence = confidence;
    }
}
