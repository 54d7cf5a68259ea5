package org.parley.encounter;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("EncounterFilter")
@Description("Narrows a list of encounters; all given conditions must hold.")
public class EncounterFilter {

    @Id
    @Description("Only encounters in which ALL these actors take part (at most 20 IDs): who met whom.")
    public List<String> participants;

    @Description("Only encounters of this kind.")
    public EncounterKind kind;

    @Description("Only encounters with this status.")
    public EncounterStatus status;

    @Description("Only encounters whose known period ends on or after this date (undated ones are left out).")
    public LocalDate from;

    @Description("Only encounters whose known period begins on or before this date (undated ones are left out).")
    public LocalDate to;

    @Description("Only encounters whose place name or locality contains this text, ignoring case.")
    public String place;

    @Description("Only records changed in Parley at or after this time: what a client keeping a copy fetches to"
            + " catch up (compare with `changedAt`).")
    public OffsetDateTime updatedSince;
}
