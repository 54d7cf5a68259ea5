package org.parley.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.parley.api.PartialDateInput;
import org.parley.statement.StatementKind;

@Input("AcceptProposalInput")
@Description("A proposal the editor accepts, with the editor's corrections; fields left out keep the proposal's.")
public class AcceptProposalInput {

    @NonNull
    @NotBlank
    @Size(max = 20)
    @Description("The proposal's ID within the intake (\"p3\").")
    public String proposal;

    @Id
    @Description("For a quote or reported speech: the actor who said it, in place of the proposed speaker.")
    public String speaker;

    @Size(min = 1, max = 300)
    @Description("For a quote or reported speech: the speaker as described (\"a senior official\"), in place of"
            + " the proposed speaker.")
    public String speakerLabel;

    @Description("For a quote or reported speech: what the statement does, in place of the proposed kind.")
    public StatementKind kind;

    @Valid
    @Description("For a quote or reported speech its saidOn, for an encounter its start, in place of the"
            + " proposed date.")
    public PartialDateInput date;

    @Id
    @Description("For ACTOR_MENTION: the recorded actor the mention names, in place of the proposed match (nothing"
            + " is created).")
    public String actor;

    @Id
    @Description("For an encounter: the recorded encounter the article reports, in place of the proposed match."
            + " The article's excerpt attests it; no new encounter is recorded.")
    public String encounter;
}
