package org.parley.agreement;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.read.Page;
import org.parley.read.PageInfo;

@Type("AgreementConnection")
@Description("A page of agreements.")
public class AgreementConnection {

    private final Page<Agreement> page;

    public AgreementConnection(Page<Agreement> page) {
        this.page = page;
    }

    @NonNull
    @Description("The agreements of this page, each with its cursor.")
    public List<@NonNull AgreementEdge> getEdges() {
        return page.edges(AgreementEdge::new);
    }

    @NonNull
    @Description("The agreements of this page.")
    public List<@NonNull Agreement> getNodes() {
        return page.items();
    }

    @NonNull
    @Description("Where this page sits in the whole list.")
    public PageInfo getPageInfo() {
        return page.pageInfo();
    }

    /** The page, for the batched {@code totalCount} field. */
    Page<Agreement> page() {
        return page;
    }
}
