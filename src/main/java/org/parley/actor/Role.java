package org.parley.actor;

import java.util.List;
import org.parley.read.Related;
import org.parley.read.ToOne;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.api.GlobalId;
import org.parley.api.Node;
import org.parley.api.NodeType;
import org.parley.api.PartialDate;

import io.vertx.mutiny.sqlclient.Row;

@Type("Role")
@Description("A position an actor holds or held, such as \"Foreign Minister of Russia\", with its dates where known.")
public class Role extends Related implements Node {

    @Ignore
    public long dbId;

    @Ignore
    public long actorId;

    @Ignore
    public Long organizationId;

    @Ignore
    public Long sourceId;

    @NonNull
    @Description("The title as the sources give it.")
    public String title;

    @Description("When the role began; null when unknown.")
    public PartialDate start;

    @Description("When the role ended; null while it lasts or when unknown.")
    public PartialDate end;

    @Override
    @Id
    @NonNull
    @Description("Opaque global ID; `updateRole`, `deleteRole` and `node(id:)` take it.")
    public String getId() {
        return GlobalId.encode(NodeType.ROLE, dbId);
    }

    /** The columns {@link #from} reads, of {@code actor_role r}. */
    static final String COLUMNS = "r.id, r.actor_id, r.title, r.organization_id, r.source_id, r.start_date,"
            + " r.start_precision, r.end_date, r.end_precision";

    /** The to-one fields of Role that a batch read can read ahead. */
    static final List<ToOne> TO_ONE = List.of(Actor.relation("organization", "organization_id"));

    static Role from(Row row) {
        Role role = new Role();
        role.dbId = row.getLong("id");
        role.actorId = row.getLong("actor_id");
        role.organizationId = row.getLong("organization_id");
        role.sourceId = row.getLong("source_id");
        role.title = row.getString("title");
        role.start = PartialDate.from(row, "start_date", "start_precision");
        role.end = PartialDate.from(row, "end_date", "end_precision");
        return role;
    }
}
