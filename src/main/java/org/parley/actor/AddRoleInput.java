package org.parley.actor;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.parley.api.PartialDateInput;

@Input("AddRoleInput")
@Description("A position an actor holds or held, as a source gives it.")
public class AddRoleInput {

    @Id
    @NonNull
    @Description("The actor who holds the role.")
    public String actor;

    @Description("The actor's `version` the change is based on: a role is part of its actor, so adding one gives the"
            + " actor a new version. Left out, it applies to whatever version is current.")
    public Integer version;

    @NonNull
    @Size(min = 1, max = 300)
    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
    @Description("The title as the source gives it, e.g. \"Minister of Defence\".")
    public String title;

    @Id
    @Description("The state, government or organisation in which the role is held.")
    public String organization;

    @Description("When the role began; leave it out when the source does not say.")
    public PartialDateInput start;

    @Description("When the role ended; not before the start. Leave it out while it lasts.")
    public PartialDateInput end;

    @Id
    @Description("The source that gives the role.")
    public String source;
}
