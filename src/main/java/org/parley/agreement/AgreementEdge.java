package org.parley.agreement;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("AgreementEdge")
@Description("A agreement in a connection, with its cursor.")
public class AgreementEdge {

    @NonNull
    @Description("Opaque cursor of this position; pass it as `after` to read on from here.")
    public final String cursor;

    @NonNull
    @Description("The agreement.")
    public final Agreement node;

    public AgreementEdge(String cursor, Agreement node) {
        this.cursor = cursor;
        this.node = node;
    }
}
