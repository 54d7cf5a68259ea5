package org.parley.encounter;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ParticipantInput")
@Description("An actor taking part in an encounter.")
public class ParticipantInput {

    @Id
    @NonNull
    @Description("The actor.")
    public String actor;

    @NonNull
    @Description("The part it plays.")
    public ParticipantRole role;

    @Size(max = 1000)
    @Description("A precision on the part.")
    public String note;
}
