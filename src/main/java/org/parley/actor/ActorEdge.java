package org.parley.actor;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ActorEdge")
@Description("An actor in a connection, with its cursor.")
public class ActorEdge {

    @NonNull
    @Description("Opaque cursor of this position; pass it as `after` to read on from here.")
    public final String cursor;

    @NonNull
    @Description("The actor.")
    public final Actor node;

    public ActorEdge(String cursor, Actor node) {
        this.cursor = cursor;
        this.node = node;
    }
}
