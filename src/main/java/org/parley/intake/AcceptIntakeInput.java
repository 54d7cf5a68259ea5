package org.parley.intake;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("AcceptIntakeInput")
@Description("The proposals of an open intake to write, in one transaction.")
public class AcceptIntakeInput {

    @Id
    @NonNull
    @NotNull
    @Description("The intake.")
    public String intake;

    @NonNull
    @NotNull
    @Size(max = 1000, message = "takes at most 1000 proposals")
    @Description("The proposals accepted, each at most once, with optional corrections. Accepting any writes the"
            + " source too (or uses the recorded one its SOURCE proposal matched). DATE proposals are accepted"
            + " through the statements and encounters that use them.")
    public List<@NonNull @Valid AcceptProposalInput> accept;
}
