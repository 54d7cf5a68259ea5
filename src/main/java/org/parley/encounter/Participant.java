package org.parley.encounter;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.vertx.mutiny.sqlclient.Row;

@Type("Participant")
@Description("An actor's part in an encounter.")
public class Participant {

    @Ignore
    public long actorId;

    @NonNull
    @Description("The part the actor plays.")
    public ParticipantRole role;

    @Description("A precision on the part, e.g. \"carried the letter\".")
    public String note;

    static Participant from(Row row) {
        Participant participant = new Participant();
        participant.actorId = row.getLong("actor_id");
        participant.role = ParticipantRole.valueOf(row.getString("role"));
        participant.note = row.getString("note");
        return participant;
    }
}
