package org.parley.actor;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.read.Page;
import org.parley.read.PageInfo;

@Type("ActorConnection")
@Description("A page of actors.")
public class ActorConnection {

    private final Page<Actor> page;

    public ActorConnection(Page<Actor> page) {
        this.page = page;
    }

    @NonNull
    @Description("The actors of this page, each with its cursor.")
    public List<@NonNull ActorEdge> getEdges() {
        return page.edges(ActorEdge::new);
    }

    @NonNull
    @Description("The actors of this page.")
    public List<@NonNull Actor> getNodes() {
        return page.items();
    }

    @NonNull
    @Description("Where this page sits in the whole list.")
    public PageInfo getPageInfo() {
        return page.pageInfo();
    }

    /** The page, for the batched {@code totalCount} field. */
    Page<Actor> page() {
        return page;
    }
}
