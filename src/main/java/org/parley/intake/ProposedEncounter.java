package org.parley.intake;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.encounter.EncounterKind;
import org.parley.encounter.EncounterStatus;

@Type("ProposedEncounter")
@Description("An encounter an article reports, as the intake read it.")
public class ProposedEncounter {

    @NonNull
    @Description("What kind of encounter the words suggest.")
    public EncounterKind kind = EncounterKind.MEETING;

    @NonNull
    @Description("PLANNED for future tense (\"will meet\", \"is expected to\"), CANCELLED where the sentence says"
            + " so, PROPOSED for an invitation, else HELD.")
    public EncounterStatus status = EncounterStatus.HELD;

    @NonNull
    @Description("A title for a new record, made from the participants.")
    public String title = "";

    /** The actors named in the sentence, in order of mention (the GraphQL field {@code participants(first:)}). */
    @Ignore
    public List<ProposedActor> participants = new ArrayList<>();

    @Description("The place named after the verb (\"in Pyongyang\"), as printed; null when none.")
    public String place;

    /** The recorded encounter this one most likely is (the GraphQL field {@code matches} reads it). */
    @Ignore
    public Long matchedId;
}
