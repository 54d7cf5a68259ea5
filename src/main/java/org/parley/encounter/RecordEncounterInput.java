package org.parley.encounter;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.parley.api.PartialDateInput;
import org.parley.provenance.AttestationInput;

@Input("RecordEncounterInput")
@Description("A new encounter with who took part and at least one source that reports it.")
public class RecordEncounterInput {

    @NonNull
    @Description("The form it takes.")
    public EncounterKind kind;

    @NonNull
    @NotBlank
    @Size(max = 300)
    @Description("A short title.")
    public String title;

    @Size(max = 4000)
    @Description("What happened.")
    public String summary;

    @NonNull
    @Description("Whether it took place, as the sources report it.")
    public EncounterStatus status;

    @Description("When it began (or is to begin).")
    public PartialDateInput start;

    @Description("When it ended, for encounters over several days; not before `start`.")
    public PartialDateInput end;

    @Valid
    @Description("Where it took place.")
    public PlaceInput place;

    @Id
    @Description("The encounter this one is part of (the state visit of a treaty signing); left out for none.")
    public String partOf;

    @NonNull
    @Size(min = 1, max = 100, message = "needs at least one participant")
    @Description("Who took part and in which role, each actor once.")
    public List<@NonNull @Valid ParticipantInput> participants;

    @NonNull
    @Size(min = 1, max = 50, message = "needs at least one attestation: which source says so")
    @Description("The sources that report it, one attestation per source.")
    public List<@NonNull @Valid AttestationInput> attestations;
}
