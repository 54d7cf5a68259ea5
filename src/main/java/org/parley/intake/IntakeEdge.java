package org.parley.intake;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("IntakeEdge")
@Description("An intake in a connection, with its cursor.")
public class IntakeEdge {

    @NonNull
    @Description("Opaque cursor of this position; pass it as `after` to read on from here.")
    public final String cursor;

    @NonNull
    @Description("The intake.")
    public final Intake node;

    public IntakeEdge(String cursor, Intake node) {
        this.cursor = cursor;
        this.node = node;
    }
}
