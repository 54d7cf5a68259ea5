package org.parley.write;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** What every delete mutation takes: the object and the version the deletion is based on. */
public abstract class DeleteInput {

    @Id
    @NonNull
    @Description("The object to delete.")
    public String id;

    @Description("The `version` the deletion is based on: if the object changed since, the deletion is refused with"
            + " CONFLICT.")
    public int version;
}
