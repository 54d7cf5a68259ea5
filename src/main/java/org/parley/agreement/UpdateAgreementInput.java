package org.parley.agreement;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.parley.provenance.AttestationInput;

@Input("UpdateAgreementInput")
@Description("Corrections to an agreement. A field left out keeps its value; a field given as null clears it (title,"
        + " kind, parties and attestations cannot be cleared). A list given replaces the stored one. A change that"
        + " changes nothing is no change: same version, no entry in `changes`.")
public class UpdateAgreementInput {

    @Id
    @NonNull
    @Description("The agreement to correct.")
    public String id;

    @Description("The `version` the change is based on: if the agreement changed since, the update is refused with"
            + " CONFLICT and changes nothing. Left out, the change applies to whatever version is current.")
    public Integer version;

    @Size(min = 1, max = 300)
    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
    @Description("The title.")
    public String title;

    @Description("What kind of instrument it is.")
    public AgreementKind kind;

    @Size(max = 4000)
    @Description("What it provides.")
    public String summary;

    @Size(min = 1, max = 50)
    @Id
    @Description("The parties, replacing the stored ones.")
    public List<@NonNull String> parties;

    @Id
    @Description("The encounter where it was signed; null clears it.")
    public String signedAt;

    @Size(max = 20)
    @Description("The steps in order, replacing the stored ones; null or an empty list clears them.")
    public List<@NonNull @Valid AgreementStepInput> steps;

    @Size(min = 1, max = 20)
    @Description("The attestations, replacing the stored ones.")
    public List<@NonNull @Valid AttestationInput> attestations;
}
