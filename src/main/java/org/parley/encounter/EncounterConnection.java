package org.parley.encounter;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.read.Page;
import org.parley.read.PageInfo;

@Type("EncounterConnection")
@Description("A page of encounters.")
public class EncounterConnection {

    private final Page<Encounter> page;

    public EncounterConnection(Page<Encounter> page) {
        this.page = page;
    }

    @NonNull
    @Description("The encounters of this page, each with its cursor.")
    public List<@NonNull EncounterEdge> getEdges() {
        return page.edges(EncounterEdge::new);
    }

    @NonNull
    @Description("The encounters of this page.")
    public List<@NonNull Encounter> getNodes() {
        return page.items();
    }

    @NonNull
    @Description("Where this page sits in the whole list.")
    public PageInfo getPageInfo() {
        return page.pageInfo();
    }

    /** The page, for the batched {@code totalCount} field. */
    Page<Encounter> page() {
        return page;
    }
}
