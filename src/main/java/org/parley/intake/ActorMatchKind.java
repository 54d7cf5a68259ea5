package org.parley.intake;

import org.eclipse.microprofile.graphql.Description;

@Description("How a proposed actor (a speaker, a participant) relates to the recorded actors.")
public enum ActorMatchKind {
    @Description("A recorded actor, by name, alias or a transliteration variant of either.")
    EXISTING,
    @Description("Described, not named (\"the Russian defence ministry\", \"a senior official\"): the description"
            + " becomes the statement's speakerLabel.")
    DESCRIBED,
    @Description("Named, but no recorded actor has that name: accepting creates one.")
    NEW,
    @Description("No speaker could be found for the words.")
    UNKNOWN
}
