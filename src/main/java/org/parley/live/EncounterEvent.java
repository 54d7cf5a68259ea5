package org.parley.live;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.parley.encounter.Encounter;

@Type("EncounterEvent")
@Description("An encounter was written: recorded, updated, its status set, attested, merged or deleted.")
public class EncounterEvent extends LiveEvent {

    private final Encounter encounter;

    EncounterEvent(LiveChange change, Encounter encounter, LiveStreamException ended) {
        super(change, ended);
        this.encounter = encounter;
    }

    @Description("The encounter as the read path shows it now; null once it is deleted.")
    public Encounter getEncounter() {
        return encounter;
    }
}
