package org.parley.intake;

import org.eclipse.microprofile.graphql.Description;

@Description("How a proposed place relates to what is recorded: places are recorded as encounters' places, and"
        + " states as actors.")
public enum PlaceMatchKind {
    @Description("The place of a recorded encounter, by name (case aside).")
    RECORDED_PLACE,
    @Description("A recorded state (\"in Russia\"): the field `state` names the actor.")
    STATE,
    @Description("Named, but nothing recorded has that name.")
    NEW
}
