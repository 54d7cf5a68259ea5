package org.parley.encounter;

import org.eclipse.microprofile.graphql.Description;

@Description("The form an encounter takes.")
public enum EncounterKind {
    @Description("A meeting of heads of state or government.")
    SUMMIT,
    @Description("A trip by one side to the other, possibly with several meetings.")
    VISIT,
    @Description("A single meeting below summit level, or with a head of state on one side only.")
    MEETING,
    @Description("Negotiations or working talks between delegations.")
    TALKS,
    @Description("A telephone or video call.")
    CALL,
    @Description("A letter or written message from one side to the other.")
    LETTER,
    @Description("A ceremony, commemoration or reception.")
    CEREMONY,
    @Description("A briefing of reporters or officials.")
    BRIEFING
}
