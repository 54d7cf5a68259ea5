package org.parley.actor;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("AddAliasInput")
@Description("Another name or spelling of an actor.")
public class AddAliasInput {

    @Id
    @NonNull
    @Description("The actor.")
    public String actor;

    @NonNull
    @NotBlank
    @Size(max = 300)
    @Description("The alias as printed, e.g. \"Kim Jong-un\". It must not already name another actor.")
    public String alias;
}
