package org.parley.actor;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("DeleteRoleInput")
@Description("A role recorded by mistake. A role that ended is ended with `updateRole(end:)`, not deleted.")
public class DeleteRoleInput {

    @Id
    @NonNull
    @Description("The role (`Role.id`).")
    public String id;

    @Description("The actor's `version` the deletion is based on; a stale one is refused with CONFLICT. Left out, it"
            + " applies to whatever version is current.")
    public Integer version;
}
