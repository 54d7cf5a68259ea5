package org.parley.source;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.read.Page;
import org.parley.read.PageInfo;

@Type("DisagreementConnection")
@Description("A page of disagreements.")
public class DisagreementConnection {

    private final Page<Disagreement> page;

    public DisagreementConnection(Page<Disagreement> page) {
        this.page = page;
    }

    @NonNull
    @Description("The disagreements of this page, each with its cursor.")
    public List<@NonNull DisagreementEdge> getEdges() {
        return page.edges(DisagreementEdge::new);
    }

    @NonNull
    @Description("The disagreements of this page.")
    public List<@NonNull Disagreement> getNodes() {
        return page.items();
    }

    @NonNull
    @Description("Where this page sits in the whole list.")
    public PageInfo getPageInfo() {
        return page.pageInfo();
    }

    /** The page, for the batched {@code totalCount} field. */
    Page<Disagreement> page() {
        return page;
    }
}
