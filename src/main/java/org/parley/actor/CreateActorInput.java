package org.parley.actor;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CreateActorInput")
@Description("A new actor.")
public class CreateActorInput {

    @NonNull
    @Description("What kind of actor.")
    public ActorKind kind;

    @NonNull
    @NotBlank
    @Size(max = 300)
    @Description("The name most sources use.")
    public String name;

    @Description("Other names and spellings as printed in sources; at most `parley.limits.max-actor-aliases` (1,000 by default).")
    public List<@NotBlank @Size(max = 300) String> aliases;

    @Size(max = 2000)
    @Description("Who or what this actor is.")
    public String description;

    @Pattern(regexp = "Q[1-9][0-9]*", message = "must be a Wikidata item ID such as Q7747")
    @Description("Wikidata item ID, e.g. \"Q7747\".")
    public String wikidataId;

    @Id
    @Description("The state the actor belongs to (an actor of kind STATE).")
    public String country;
}
