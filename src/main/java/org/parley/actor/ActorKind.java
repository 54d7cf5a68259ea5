package org.parley.actor;

import org.eclipse.microprofile.graphql.Description;

@Description("What kind of actor this is.")
public enum ActorKind {
    @Description("A person.")
    PERSON,
    @Description("A sovereign state.")
    STATE,
    @Description("A government body, international organisation, institution or group.")
    ORGANIZATION,
    @Description("A news agency or broadcaster that is itself reported as a speaker or actor.")
    NEWS_AGENCY
}
