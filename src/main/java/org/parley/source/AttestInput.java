package org.parley.source;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.parley.api.PartialDateInput;

@Input("AttestInput")
@Description("A source's support for an encounter, a statement or an agreement (give exactly one of the three).")
public class AttestInput {

    @Id
    @NonNull
    @Description("The source.")
    public String source;

    @Id
    @Description("The encounter it reports.")
    public String encounter;

    @Id
    @Description("The statement it reports.")
    public String statement;

    @Id
    @Description("The agreement it reports (a treaty, a memorandum): read back in `Agreement.attestations`.")
    public String agreement;

    @NonNull
    @NotBlank
    @Size(max = 1000)
    @Description("The source's own words that support it, quoted exactly.")
    public String excerpt;

    @Size(max = 2000)
    @Description("How the excerpt was read, or how this source differs from others.")
    public String note;

    @Description("The date as this source gives it.")
    public PartialDateInput reportedDate;
}
