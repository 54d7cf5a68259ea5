package org.parley.audit;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.read.Page;
import org.parley.read.PageInfo;

@Type("ChangeConnection")
@Description("A page of changes.")
public class ChangeConnection {

    private final Page<Change> page;

    public ChangeConnection(Page<Change> page) {
        this.page = page;
    }

    @NonNull
    @Description("The changes of this page, each with its cursor.")
    public List<@NonNull ChangeEdge> getEdges() {
        return page.edges(ChangeEdge::new);
    }

    @NonNull
    @Description("The changes of this page.")
    public List<@NonNull Change> getNodes() {
        return page.items();
    }

    @NonNull
    @Description("Where this page sits in the whole list.")
    public PageInfo getPageInfo() {
        return page.pageInfo();
    }

    /** The page, for the batched {@code totalCount} field. */
    Page<Change> page() {
        return page;
    }
}
