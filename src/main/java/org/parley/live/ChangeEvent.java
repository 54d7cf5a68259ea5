package org.parley.live;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.api.GlobalId;
import org.parley.api.Node;

@Type("ChangeEvent")
@Description("A committed write, for clients that keep a copy: the object as it is now, or only its ID if it was"
        + " deleted.")
public class ChangeEvent extends LiveEvent {

    private final Node node;

    ChangeEvent(LiveChange change, Node node, LiveStreamException ended) {
        super(change, ended);
        this.node = node;
    }

    @Id
    @NonNull
    @Description("The ID of the object written (it stays known after a delete).")
    public String getId() {
        return ended != null ? "" : GlobalId.encode(change.nodeType(), change.nodeId());
    }

    @Description("The object as the read path shows it now; null once it is deleted.")
    public Node getNode() {
        return node;
    }
}
