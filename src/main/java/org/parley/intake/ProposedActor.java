package org.parley.intake;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.actor.Actor;

import com.fasterxml.jackson.annotation.JsonIgnore;

@Type("ProposedActor")
@Description("An actor a proposal names: the speaker of a quote, a participant of an encounter.")
public class ProposedActor {

    @NonNull
    @Description("How it relates to the recorded actors.")
    public ActorMatchKind match = ActorMatchKind.UNKNOWN;

    @Description("The name or description as the article prints it (the full name where a later \"Lavrov\" refers"
            + " back to an earlier \"Sergey Lavrov\"); null when UNKNOWN.")
    public String name;

    @Description("The title or role the article gives beside the name (\"Foreign Minister\"), for a NEW actor's"
            + " role; null when it gives none.")
    public String title;

    @Description("Offset of the first character of the mention the proposal rests on (UTF-16 code units, as"
            + " JavaScript counts); null when the actor was carried over from an earlier quote.")
    public Integer start;

    @Description("Offset just after the mention's last character; null with `start`.")
    public Integer end;

    @Description("How sure the proposal is, from 0 to 1.")
    public double confidence;

    /** The recorded actor, when EXISTING (the GraphQL field {@code actor} reads it). */
    @Ignore
    public Long actorId;

    /**
     * The recorded actor as matching read it, when EXISTING: its kind decides what a place with its name is, and the
     * answer of proposeFromArticle takes it from here. Not kept with the intake.
     */
    @Ignore
    @JsonIgnore
    public Actor recorded;

    public ProposedActor() {
    }

    ProposedActor(ActorMatchKind match, String name, Integer start, Integer end, double confidence) {
        this.match = match;
        this.name = name;
        this.start = start;
        this.end = end;
        this.confidence = confidence;
    }

    ProposedActor copy() {
        ProposedActor copy = new ProposedActor(match, name, null, null, confidence);
        copy.title = title;
        copy.actorId = actorId;
        return copy;
    }
}
