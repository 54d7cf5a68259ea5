package org.parley.live;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("EncounterChangeFilter")
@Description("Which encounters' changes to receive; all given conditions must hold.")
public class EncounterChangeFilter {

    @Id
    @Description("Only this encounter.")
    public String encounter;

    @Id
    @Description("Only encounters in which this actor takes part.")
    public String participant;
}
