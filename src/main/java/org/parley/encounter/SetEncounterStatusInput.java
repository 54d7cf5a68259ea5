package org.parley.encounter;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.parley.api.PartialDateInput;

@Input("SetEncounterStatusInput")
@Description("A change of an encounter's status (planned, cancelled, held...), as a source reports it.")
public class SetEncounterStatusInput {

    @Id
    @NonNull
    @Description("The encounter.")
    public String encounter;

    @Description("The `version` of the encounter the change is based on; a stale one is refused with CONFLICT.")
    public int version;

    @NonNull
    @Description("The new status.")
    public EncounterStatus status;

    @Description("When the change took effect, as precisely as known.")
    public PartialDateInput effective;

    @Id
    @Description("The source that reports the change.")
    public String source;

    @Size(max = 2000)
    @Description("A precision on the change.")
    public String note;
}
