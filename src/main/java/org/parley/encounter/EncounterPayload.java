package org.parley.encounter;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.write.UserError;

/** What the encounter mutations answer: the encounter as it now is, or the user errors that stopped the change. */
public abstract class EncounterPayload {

    @Description("The encounter after the change; null when the change was refused.")
    public Encounter encounter;

    @NonNull
    @Description("Why the change was refused; empty when it was made.")
    public List<@NonNull UserError> userErrors = List.of();

    @Type("RecordEncounterPayload")
    @Description("The result of `recordEncounter`.")
    public static class Record extends EncounterPayload {

        @NonNull
        @Description("Encounters already recorded that may be this one: dated, periods overlapping, and two participants"
                + " in common (the one, for an encounter of one participant) or the same place name; most"
                + " participants in common first, at most 10. A warning only: nothing is refused, the editor decides"
                + " (and may merge or delete). Empty when the encounter was refused.")
        public List<@NonNull Encounter> likelyDuplicates = List.of();
    }

    @Type("UpdateEncounterPayload")
    @Description("The result of `updateEncounter`.")
    public static class Update extends EncounterPayload {
    }

    @Type("SetEncounterStatusPayload")
    @Description("The result of `setEncounterStatus`.")
    public static class SetStatus extends EncounterPayload {
    }

    @Type("MergeEncountersPayload")
    @Description("The result of `mergeEncounters`: the encounter that was kept, as it now is.")
    public static class Merge extends EncounterPayload {
    }
}
