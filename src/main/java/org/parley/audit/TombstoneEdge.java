package org.parley.audit;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("TombstoneEdge")
@Description("A tombstone in a connection, with its cursor.")
public class TombstoneEdge {

    @NonNull
    @Description("Opaque cursor of this position; pass it as `after` to read on from here.")
    public final String cursor;

    @NonNull
    @Description("The tombstone.")
    public final Tombstone node;

    public TombstoneEdge(String cursor, Tombstone node) {
        this.cursor = cursor;
        this.node = node;
    }
}
