package org.parley.audit;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.api.GlobalId;
import org.parley.api.NodeType;

import io.vertx.mutiny.sqlclient.Row;

@Type("Tombstone")
@Description("What remains of a deleted or merged object: enough for a client that keeps a copy to drop it.")
public class Tombstone {

    @Id
    @NonNull
    @Description("The global ID the object had (and, for a merged actor, still resolves through `node`).")
    public String id;

    @NonNull
    @Description("The object's type: Actor, Encounter, Statement, Source or Agreement.")
    public String type;

    @NonNull
    @Description("When it was deleted or merged.")
    public OffsetDateTime deletedAt;

    @Id
    @Description("For an actor or encounter merged into another: the one that now stands for it. Null for a deletion.")
    public String mergedIntoId;

    /** Deleted rows of every kind of record ({@link NodeType#table()}), as one relation {@code t}. */
    static final String FROM = Arrays.stream(NodeType.values()).filter(type -> type.table() != null)
            .map(type -> "select '" + type.typeName() + "' as node_type, x.id, x.deleted_at, "
                    // actors and encounters can be merged into others
                    + (type == NodeType.ACTOR || type == NodeType.ENCOUNTER ? "x.merged_into_id" : "null::bigint") + " as merged_into_id from "
                    + type.table() + " x where x.deleted_at is not null")
            .collect(Collectors.joining(" union all ", "from (", ") t"));

    static final String COLUMNS = "t.node_type, t.id, t.deleted_at, t.merged_into_id";

    static final String ORDER = "t.deleted_at, t.node_type, t.id";

    static Tombstone from(Row row) {
        Tombstone tombstone = new Tombstone();
        NodeType type = NodeType.valueOf(row.getString("node_type").toUpperCase(Locale.ROOT));
        tombstone.type = type.typeName();
        tombstone.id = GlobalId.encode(type, row.getLong("id"));
        tombstone.deletedAt = row.getOffsetDateTime("deleted_at");
        Long mergedInto = row.getLong("merged_into_id");
        tombstone.mergedIntoId = mergedInto == null ? null : GlobalId.encode(type, mergedInto);
        return tombstone;
    }
}
