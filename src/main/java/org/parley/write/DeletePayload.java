package org.parley.write;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.mutiny.Uni;

/** What every delete mutation answers: the ID now a tombstone, or the user errors that stopped the deletion. */
public abstract class DeletePayload {

    @Id
    @Description("The ID of the deleted object (now listed by `tombstones`); null when the deletion was refused.")
    public String deletedId;

    @NonNull
    @Description("Why the deletion was refused; empty when it was made.")
    public List<@NonNull UserError> userErrors = List.of();

    /** Runs the deletion and fills {@code payload} with its outcome. */
    public static <P extends DeletePayload> Uni<P> answer(Uni<Void> deletion, String id, P payload) {
        return Writes.outcome(deletion.replaceWith(id)).map(outcome -> {
            payload.deletedId = outcome.value();
            payload.userErrors = outcome.userErrors();
            return payload;
        });
    }
}
