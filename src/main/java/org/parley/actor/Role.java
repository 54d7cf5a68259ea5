package org.parley.actor;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.graphql.PartialDate;

import io.vertx.mutiny.sqlclient.Row;

@Type("Role")
@Description("A position an actor holds or held, such as \"Foreign Minister of Russia\", with its dates where known.")
public class Role {

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

    static Role from(Row row) {
        Role role = new Role();
        role.actorId = row.getLong("actor_id");
        role.organizationId = row.getLong("organization_id");
        role.sourceId = row.getLong("source_id");
        role.title = row.getString("title");
        role.start = PartialDate.from(row, "start_date", "start_precision");
        role.end = PartialDate.from(row, "end_date", "end_precision");
        return role;
    }
}
