package org.parley.actor;

import org.eclipse.microprofile.graphql.Description;

/** What the role mutations answer: the actor with its new version and roles, the role itself, or user errors. */
public abstract class RolePayload extends ActorPayload {

    @Description("The role after the change; null when the change was refused or the role was deleted.")
    public Role role;

    @org.eclipse.microprofile.graphql.Type("AddRolePayload")
    @Description("The result of `addRole`.")
    public static class Add extends RolePayload {
    }

    @org.eclipse.microprofile.graphql.Type("UpdateRolePayload")
    @Description("The result of `updateRole`.")
    public static class Update extends RolePayload {
    }

    @org.eclipse.microprofile.graphql.Type("DeleteRolePayload")
    @Description("The result of `deleteRole`: `actor` without the role.")
    public static class Delete extends RolePayload {
    }
}
