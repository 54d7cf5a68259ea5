package org.parley.actor;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.parley.write.UserError;

/** What the actor mutations answer: the actor as it now is, or the user errors that stopped the change. */
public abstract class ActorPayload {

    @Description("The actor after the change; null when the change was refused.")
    public Actor actor;

    @NonNull
    @Description("Why the change was refused; empty when it was made.")
    public List<@NonNull UserError> userErrors = List.of();

    /** The payload types of the actor mutations, one per mutation as the schema conventions want. */
    @org.eclipse.microprofile.graphql.Type("CreateActorPayload")
    @Description("The result of `createActor`.")
    public static class Create extends ActorPayload {

        @NonNull
        @Description("Other actors whose name or an alias resembles the new actor's name (as `similarActors` finds"
                + " them: accents and transliteration variants folded), best match first, at most 10. A warning"
                + " only: nothing is refused, the editor decides (and may merge the two). Empty when the actor was"
                + " refused.")
        public List<@NonNull ActorMatch> likelyNamesakes = List.of();
    }

    @org.eclipse.microprofile.graphql.Type("UpdateActorPayload")
    @Description("The result of `updateActor`.")
    public static class Update extends ActorPayload {
    }

    @org.eclipse.microprofile.graphql.Type("AddAliasPayload")
    @Description("The result of `addAlias`.")
    public static class AddAlias extends ActorPayload {
    }

    @org.eclipse.microprofile.graphql.Type("MergeActorsPayload")
    @Description("The result of `mergeActors`: `actor` is the kept actor.")
    public static class Merge extends ActorPayload {
    }
}
