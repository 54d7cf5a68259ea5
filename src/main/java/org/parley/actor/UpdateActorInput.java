package org.parley.actor;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("UpdateActorInput")
@Description("Changes to an actor."
        + " A field left out keeps its value; a field given as null clears it. A change that changes nothing is no change: same version, no entry in `changes`.")
public class UpdateActorInput {

    @Id
    @NonNull
    @Description("The actor to change.")
    public String id;

    @Description("The `version` the change is based on: if the actor changed since, the update is refused with"
            + " CONFLICT and changes nothing.")
    public int version;

    @Description("New kind; cannot be cleared.")
    public ActorKind kind;

    @Size(min = 1, max = 300)
    @Description("New name; cannot be cleared.")
    public String name;

    @Size(max = 2000)
    @Description("New description; null clears it.")
    public String description;

    @Pattern(regexp = "Q[1-9][0-9]*", message = "must be a Wikidata item ID such as Q7747")
    @Description("New Wikidata item ID; null clears it.")
    public String wikidataId;

    @Id
    @Description("New state the actor belongs to; null clears it.")
    public String country;
}
