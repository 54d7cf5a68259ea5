package org.parley.encounter;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("EncounterEdge")
@Description("An encounter in a connection, with its cursor.")
public class EncounterEdge {

    @NonNull
    @Description("Opaque cursor of this position; pass it as `after` to read on from here.")
    public final String cursor;

    @NonNull
    @Description("The encounter.")
    public final Encounter node;

    public EncounterEdge(String cursor, Encounter node) {
        this.cursor = cursor;
        this.node = node;
    }
}
