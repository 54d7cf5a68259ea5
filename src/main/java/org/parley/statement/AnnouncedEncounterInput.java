package org.parley.statement;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.parley.encounter.EncounterKind;
import org.parley.encounter.ParticipantInput;
import org.parley.encounter.PlaceInput;
import org.parley.api.PartialDateInput;

@Input("AnnouncedEncounterInput")
@Description("The encounter an invitation or announcement announces, recorded with it as PLANNED and attested by the"
        + " statement's own sources.")
public class AnnouncedEncounterInput {

    @NonNull
    @Description("The form it is to take.")
    public EncounterKind kind;

    @NonNull
    @NotBlank
    @Size(max = 300)
    @Description("A short title, e.g. \"Kim Jong Un's visit to Moscow\".")
    public String title;

    @Size(max = 4000)
    @Description("What is planned.")
    public String summary;

    @Description("When it is to begin, as precisely as announced.")
    public PartialDateInput start;

    @Valid
    @Description("Where it is to take place.")
    public PlaceInput place;

    @Id
    @Description("The encounter it is to be part of.")
    public String partOf;

    @NonNull
    @Size(min = 1, max = 100, message = "needs at least one participant")
    @Description("Who is to take part and in which role, each actor once.")
    public List<@NonNull @Valid ParticipantInput> participants;
}
