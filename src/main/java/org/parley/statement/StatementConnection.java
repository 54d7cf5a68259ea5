package org.parley.statement;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.read.Page;
import org.parley.read.PageInfo;

@Type("StatementConnection")
@Description("A page of statements.")
public class StatementConnection {

    private final Page<Statement> page;

    public StatementConnection(Page<Statement> page) {
        this.page = page;
    }

    @NonNull
    @Description("The statements of this page, each with its cursor.")
    public List<@NonNull StatementEdge> getEdges() {
        return page.edges(StatementEdge::new);
    }

    @NonNull
    @Description("The statements of this page.")
    public List<@NonNull Statement> getNodes() {
        return page.items();
    }

    @NonNull
    @Description("Where this page sits in the whole list.")
    public PageInfo getPageInfo() {
        return page.pageInfo();
    }

    /** The page, for the batched {@code totalCount} field. */
    Page<Statement> page() {
        return page;
    }
}
