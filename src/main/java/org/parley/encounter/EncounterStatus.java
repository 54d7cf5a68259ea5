package org.parley.encounter;

import org.eclipse.microprofile.graphql.Description;

@Description("Whether an encounter took place, as the sources report it.")
public enum EncounterStatus {
    @Description("Invited or offered, with no agreed date.")
    PROPOSED,
    @Description("Agreed or announced, not yet held.")
    PLANNED,
    @Description("Took place.")
    HELD,
    @Description("Called off.")
    CANCELLED,
    @Description("Moved to a later, possibly unknown, date.")
    POSTPONED
}
