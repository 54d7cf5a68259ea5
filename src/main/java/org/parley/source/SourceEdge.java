package org.parley.source;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("SourceEdge")
@Description("A source in a connection, with its cursor.")
public class SourceEdge {

    @NonNull
    @Description("Opaque cursor of this position; pass it as `after` to read on from here.")
    public final String cursor;

    @NonNull
    @Description("The source.")
    public final Source node;

    public SourceEdge(String cursor, Source node) {
        this.cursor = cursor;
        this.node = node;
    }
}
