package org.parley.intake;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.read.Page;
import org.parley.read.PageInfo;

@Type("IntakeConnection")
@Description("A page of intakes, newest first.")
public class IntakeConnection {

    private final Page<Intake> page;

    public IntakeConnection(Page<Intake> page) {
        this.page = page;
    }

    @NonNull
    @Description("The intakes of this page, each with its cursor.")
    public List<@NonNull IntakeEdge> getEdges() {
        return page.edges(IntakeEdge::new);
    }

    @NonNull
    @Description("The intakes of this page.")
    public List<@NonNull Intake> getNodes() {
        return page.items();
    }

    @NonNull
    @Description("Where this page sits in the whole list.")
    public PageInfo getPageInfo() {
        return page.pageInfo();
    }
}
