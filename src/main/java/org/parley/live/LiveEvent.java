package org.parley.live;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * What every live event says about its change. A stream that ends early (expired cursor, slow consumer) ends with
 * one last event whose {@code cursor} raises the reason, so the client receives it as a coded error: SmallRye's
 * WebSocket handler sends nothing for a failed stream.
 */
public abstract class LiveEvent {

    @Ignore
    final LiveChange change;
    @Ignore
    final LiveStreamException ended;

    LiveEvent(LiveChange change, LiveStreamException ended) {
        this.change = change;
        this.ended = ended;
    }

    @NonNull
    @Description("This event's place in the audit trail: subscribe again with `after` set to it to receive only"
            + " what followed.")
    public String getCursor() {
        if (ended != null) {
            throw ended;
        }
        return LiveCursor.encode(change.seq());
    }

    @NonNull
    @Description("The write, e.g. \"recordStatement\", \"setEncounterStatus\", \"deleteEncounter\", \"import\".")
    public String getOperation() {
        return ended != null ? "" : change.operation();
    }

    @NonNull
    @Description("When the write was recorded.")
    public OffsetDateTime getAt() {
        return ended != null ? OffsetDateTime.now() : change.at();
    }
}
