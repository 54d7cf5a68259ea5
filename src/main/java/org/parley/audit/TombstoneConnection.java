package org.parley.audit;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.read.Page;
import org.parley.read.PageInfo;

@Type("TombstoneConnection")
@Description("A page of tombstones.")
public class TombstoneConnection {

    private final Page<Tombstone> page;

    public TombstoneConnection(Page<Tombstone> page) {
        this.page = page;
    }

    @NonNull
    @Description("The tombstones of this page, each with its cursor.")
    public List<@NonNull TombstoneEdge> getEdges() {
        return page.edges(TombstoneEdge::new);
    }

    @NonNull
    @Description("The tombstones of this page.")
    public List<@NonNull Tombstone> getNodes() {
        return page.items();
    }

    @NonNull
    @Description("Where this page sits in the whole list.")
    public PageInfo getPageInfo() {
        return page.pageInfo();
    }

    /** The page, for the batched {@code totalCount} field. */
    Page<Tombstone> page() {
        return page;
    }
}
