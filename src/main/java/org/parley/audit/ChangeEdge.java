package org.parley.audit;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ChangeEdge")
@Description("A change in a connection, with its cursor.")
public class ChangeEdge {

    @NonNull
    @Description("Opaque cursor of this position; pass it as `after` to read on from here.")
    public final String cursor;

    @NonNull
    @Description("The change.")
    public final Change node;

    public ChangeEdge(String cursor, Change node) {
        this.cursor = cursor;
        this.node = node;
    }
}
