package org.parley.actor;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("ActorFilter")
@Description("Narrows a list of actors; all given conditions must hold.")
public class ActorFilter {

    @Description("Only actors of this kind.")
    public ActorKind kind;

    @Description("Only actors whose name or an alias contains this text, ignoring case, accents, spaces and hyphens.")
    public String search;

    @Description("Only records changed in Parley at or after this time: what a client keeping a copy fetches to"
            + " catch up (compare with `changedAt`).")
    public OffsetDateTime updatedSince;
}
