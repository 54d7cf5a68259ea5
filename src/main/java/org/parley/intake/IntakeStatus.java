package org.parley.intake;

import org.eclipse.microprofile.graphql.Description;

@Description("Where an article intake stands.")
public enum IntakeStatus {
    @Description("Proposed and waiting for the editor; the article's text is kept.")
    OPEN,
    @Description("The editor accepted some proposals: they were written, in one transaction.")
    ACCEPTED,
    @Description("The editor discarded it: nothing was written.")
    DISCARDED
}
