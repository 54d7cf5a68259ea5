package org.parley.encounter;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

import io.smallrye.graphql.api.AdaptToScalar;
import io.smallrye.graphql.api.Scalar;

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

    // Strings typed Date in the schema: SmallRye would refuse a malformed date with a message naming neither the
    // field nor the format; EncounterRepository parses them (api.DateBound) and says what is wrong.
    @AdaptToScalar(Scalar.Date.class)
    @Description("Only encounters that may have run on or after this date: the last day their interval allows"
            + " (`end.latest`, else `start.latest`) is on or after it; undated ones are left out."
            + " YYYY-MM-DD; a month (YYYY-MM) or a year (YYYY) counts from its first day.")
    public String from;

    @AdaptToScalar(Scalar.Date.class)
    @Description("Only encounters that may have begun on or before this date: `start.earliest` is on or before"
            + " it; undated ones are left out. With `from`, an encounter matches when its interval overlaps the range."
            + " YYYY-MM-DD; a month (YYYY-MM) or a year (YYYY) counts to its last day.")
    public String to;

    @Description("Only encounters whose place name or locality contains this text, ignoring case.")
    public String place;

    @Description("Only records changed in Parley at or after this time: what a client keeping a copy fetches to"
            + " catch up (compare with `changedAt`).")
    public OffsetDateTime updatedSince;
}
