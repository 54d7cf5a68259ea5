package org.parley.encounter;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.parley.api.PartialDateInput;

@Input("UpdateEncounterInput")
@Description("Changes to an encounter."
        + " A field left out keeps its value; a field given as null clears it; a list given replaces the stored one. A change that changes nothing is no change: same version, no entry in `changes`. The status changes through `setEncounterStatus`, which keeps its history.")
public class UpdateEncounterInput {

    @Id
    @NonNull
    @Description("The encounter to change.")
    public String id;

    @Description("The `version` the change is based on; a stale one is refused with CONFLICT.")
    public int version;

    @Description("New kind; cannot be cleared.")
    public EncounterKind kind;

    @Size(min = 1, max = 300)
    @Description("New title; cannot be cleared.")
    public String title;

    @Size(max = 4000)
    @Description("New summary; null clears it.")
    public String summary;

    @Description("New start; null clears it (only with the end).")
    public PartialDateInput start;

    @Description("New end; not before the start; null clears it.")
    public PartialDateInput end;

    @Valid
    @Description("New place (replaces the whole place); null clears it.")
    public PlaceInput place;

    @Id
    @Description("The encounter this one becomes part of; null makes it stand alone, left out keeps it. An encounter"
            + " cannot be part of itself or of one of its own parts (INVALID).")
    public String partOf;

    @Size(min = 1, max = 100, message = "needs at least one participant")
    @Description("Who took part and in which role, each actor once, replacing the stored participants in the order"
            + " given (to add one, give the list with it; to correct a role, the list with the role changed); cannot"
            + " be cleared.")
    public List<@NonNull @Valid ParticipantInput> participants;
}
