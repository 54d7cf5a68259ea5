package org.parley.encounter;

import org.eclipse.microprofile.graphql.Description;

/** Declaration order is the order in which participants are listed: hosts first. */
@Description("The part an actor plays in an encounter.")
public enum ParticipantRole {
    @Description("Receives the others.")
    HOST,
    @Description("A principal at a meeting on neutral ground, neither host nor guest.")
    PRINCIPAL,
    @Description("Is received by the host.")
    GUEST,
    @Description("Sends a letter or message.")
    SENDER,
    @Description("Receives a letter or message.")
    RECIPIENT,
    @Description("Acts or carries a message on behalf of another actor.")
    ENVOY,
    @Description("Mediates between the others.")
    MEDIATOR,
    @Description("A state or organisation represented by a delegation whose members are not named.")
    DELEGATION,
    @Description("A named member of a delegation.")
    DELEGATION_MEMBER,
    @Description("Attends without a leading part.")
    ATTENDEE
}
