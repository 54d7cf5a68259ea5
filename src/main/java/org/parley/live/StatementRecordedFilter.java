package org.parley.live;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("StatementRecordedFilter")
@Description("Which statements' changes to receive; all given conditions must hold.")
public class StatementRecordedFilter {

    @Id
    @Description("Only statements by this actor.")
    public String speaker;

    @Id
    @Description("Only statements about this actor.")
    public String about;

    @Id
    @Description("Only statements made at this encounter.")
    public String encounter;

    @Id
    @Description("Only statements that respond to this statement.")
    public String respondsTo;
}
