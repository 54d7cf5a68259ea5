package org.parley.provenance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.parley.api.PartialDateInput;

@Input("AttestationInput")
@Description("What a source says about the encounter or statement being recorded.")
public class AttestationInput {

    @Id
    @NonNull
    @Description("The source.")
    public String source;

    @NonNull
    @NotBlank
    @Size(max = 1000)
    @Description("The source's own words that support it, quoted exactly (a short excerpt, not the article).")
    public String excerpt;

    @Size(max = 2000)
    @Description("How the excerpt was read, or how this source differs from others.")
    public String note;

    @Description("The date as this source gives it, when it differs or is all the source says.")
    public PartialDateInput reportedDate;
}
