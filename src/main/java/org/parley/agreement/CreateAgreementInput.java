package org.parley.agreement;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.parley.provenance.AttestationInput;

@Input("CreateAgreementInput")
@Description("A new agreement: what it is, between whom, where it was signed, its steps, and which sources say so.")
public class CreateAgreementInput {

    @NonNull
    @NotBlank
    @Size(max = 300)
    @Description("The title, as the parties or the sources give it.")
    public String title;

    @NonNull
    @Description("What kind of instrument it is.")
    public AgreementKind kind;

    @Size(max = 4000)
    @Description("What it provides, in a few sentences.")
    public String summary;

    @NonNull
    @Size(min = 1, max = 50)
    @Id
    @Description("The actors bound by it (states, organizations), at least one, at most 50.")
    public List<@NonNull String> parties;

    @Id
    @Description("The encounter where it was signed, when known.")
    public String signedAt;

    @Size(max = 20)
    @Description("Its steps in order (signed, ratified, in force...), at most 20.")
    public List<@NonNull @Valid AgreementStepInput> steps;

    @NonNull
    @Size(min = 1, max = 20)
    @Description("Which sources report it, with their excerpts: at least one, at most 20.")
    public List<@NonNull @Valid AttestationInput> attestations;
}
