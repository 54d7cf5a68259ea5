package org.parley.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
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

    /** One input type per mutation, as the schema conventions want. */
    @Input("DeleteActorInput")
    @Description("The actor to delete.")
    public static class ForActor extends DeleteInput {
    }

    @Input("DeleteEncounterInput")
    @Description("The encounter to delete.")
    public static class ForEncounter extends DeleteInput {
    }

    @Input("DeleteStatementInput")
    @Description("The statement to delete.")
    public static class ForStatement extends DeleteInput {
    }

    @Input("DeleteSourceInput")
    @Description("The source to delete.")
    public static class ForSource extends DeleteInput {
    }
}
