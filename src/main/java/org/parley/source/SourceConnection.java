package org.parley.source;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.read.Page;
import org.parley.read.PageInfo;

@Type("SourceConnection")
@Description("A page of sources.")
public class SourceConnection {

    private final Page<Source> page;

    public SourceConnection(Page<Source> page) {
        this.page = page;
    }

    @NonNull
    @Description("The sources of this page, each with its cursor.")
    public List<@NonNull SourceEdge> getEdges() {
        return page.edges(SourceEdge::new);
    }

    @NonNull
    @Description("The sources of this page.")
    public List<@NonNull Source> getNodes() {
        return page.items();
    }

    @NonNull
    @Description("Where this page sits in the whole list.")
    public PageInfo getPageInfo() {
        return page.pageInfo();
    }

    /** The page, for the batched {@code totalCount} field. */
    Page<Source> page() {
        return page;
    }
}
