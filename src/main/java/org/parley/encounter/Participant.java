package org.parley.encounter;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.actor.Actor;

import io.vertx.mutiny.sqlclient.Row;

@Type("Participant")
@Description("An actor's part in an encounter.")
public class Participant {

    /** Read with the participant (one join, no statement of its own); null if the actor was deleted. */
    @NonNull
    @Description("The participating actor.")
    public Actor actor;

    @NonNull
    @Description("The part the actor plays.")
    public ParticipantRole role;

    @Description("A precision on the part, e.g. \"carried the letter\".")
    public String note;

    static Participant from(Row row) {
        Participant participant = new Participant();
        participant.actor = row.getLong("id") == null ? null : Actor.from(row);
        participant.role = ParticipantRole.valueOf(row.getString("role"));
        participant.note = row.getString("note");
        return participant;
    }
}
