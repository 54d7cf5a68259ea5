package org.parley.audit;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.api.NodeType;

import io.vertx.mutiny.sqlclient.Row;

@Type("Change")
@Description("An accepted write: who made it, when, and to which object.")
public class Change {

    @Ignore
    public NodeType nodeType;

    @Ignore
    public long nodeId;

    @NonNull
    @Description("When the write was committed.")
    public OffsetDateTime at;

    @NonNull
    @Description("Who made it: the subject of the token.")
    public String subject;

    @NonNull
    @Description("The mutation, e.g. \"updateActor\".")
    public String operation;

    static final String COLUMNS = "c.id, c.at, c.subject, c.operation, c.node_type, c.node_id";

    static Change from(Row row) {
        Change change = new Change();
        change.at = row.getOffsetDateTime("at");
        change.subject = row.getString("subject");
        change.operation = row.getString("operation");
        change.nodeType = NodeType.valueOf(row.getString("node_type").toUpperCase(java.util.Locale.ROOT));
        change.nodeId = row.getLong("node_id");
        return change;
    }
}
