package org.parley.intake;

import org.eclipse.microprofile.graphql.Description;

@Description("What a proposal of an article intake says the words it rests on are.")
public enum ProposalKind {
    @Description("The article itself as a source: matched to a recorded source by its normalised URL, or new.")
    SOURCE,
    @Description("A direct quotation (six words or more, or a whole quoted sentence): a VERBATIM statement.")
    QUOTE,
    @Description("A short quoted phrase inside the reporter's own sentence (\"in good hands\"): usually a scare"
            + " quote or a fragment of a paraphrase; accepted, it is a VERBATIM statement like a QUOTE.")
    QUOTED_PHRASE,
    @Description("Reported speech (\"Lavrov said that ...\", \"Moscow denied ...\"): a PARAPHRASE statement, the"
            + " reporting verb suggesting its kind.")
    REPORTED_SPEECH,
    @Description("A date expression resolved against the publication date.")
    DATE,
    @Description("An encounter the article reports (\"met\", \"held talks\", \"received\", \"arrived in ... for\"),"
            + " matched against recorded encounters where one is likely the same.")
    ENCOUNTER,
    @Description("An actor the article names (\"Kim Jong Un\", \"the Kremlin\", \"Pyongyang\" when it acts), one"
            + " proposal per actor with all its mentions: a recorded actor needs nothing written; a NEW one is"
            + " created only when the proposal is accepted.")
    ACTOR_MENTION,
    @Description("A place the article names after a locative preposition (\"in Pyongyang\", \"near Vladivostok\"),"
            + " one proposal per place with all its mentions: a recorded encounter's place, a recorded state, or"
            + " new (a place with the name of a recorded person or organisation, \"at the Kremlin\", is an"
            + " ACTOR_MENTION). Places are recorded as encounters' places: accepted, it is the place of the new encounters"
            + " accepted with it from the sentences that name it.")
    PLACE_MENTION
}
