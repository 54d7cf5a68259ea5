package org.parley.actor;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.parley.api.PartialDateInput;

@Input("UpdateRoleInput")
@Description("Corrections to a role, or its end (give `end` when the actor left it). A field left out keeps its"
        + " value; a field given as null clears it. A change that changes nothing is no change: same version, no"
        + " entry in `changes`.")
public class UpdateRoleInput {

    @Id
    @NonNull
    @Description("The role (`Role.id`).")
    public String id;

    @Description("The actor's `version` the change is based on; a stale one is refused with CONFLICT. Left out, it"
            + " applies to whatever version is current.")
    public Integer version;

    @Size(min = 1, max = 300)
    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
    @Description("New title; cannot be cleared.")
    public String title;

    @Id
    @Description("New organization; null clears it.")
    public String organization;

    @Description("New start; null clears it.")
    public PartialDateInput start;

    @Description("New end: when the actor left the role; null clears it (the role lasts).")
    public PartialDateInput end;

    @Id
    @Description("New source; null clears it.")
    public String source;
}
