package org.parley.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay's Node: every major type has an opaque global ID that {@code node(id:)} resolves. */
@Description("An object with a globally unique, opaque ID that `node(id:)` resolves.")
public interface Node {

    @Id
    @NonNull
    @Description("Opaque global ID of this object.")
    String getId();
}
