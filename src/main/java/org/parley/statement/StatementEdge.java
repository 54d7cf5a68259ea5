package org.parley.statement;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("StatementEdge")
@Description("A statement in a connection, with its cursor.")
public class StatementEdge {

    @NonNull
    @Description("Opaque cursor of this position; pass it as `after` to read on from here.")
    public final String cursor;

    @NonNull
    @Description("The statement.")
    public final Statement node;

    public StatementEdge(String cursor, Statement node) {
        this.cursor = cursor;
        this.node = node;
    }
}
