package org.parley.source;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("DisagreementEdge")
@Description("A disagreement in a connection, with its cursor.")
public class DisagreementEdge {

    @NonNull
    @Description("Opaque cursor of this position; pass it as `after` to read on from here.")
    public final String cursor;

    @NonNull
    @Description("The disagreement.")
    public final Disagreement node;

    public DisagreementEdge(String cursor, Disagreement node) {
        this.cursor = cursor;
        this.node = node;
    }
}
