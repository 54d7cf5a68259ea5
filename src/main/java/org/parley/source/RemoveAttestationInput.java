package org.parley.source;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("RemoveAttestationInput")
@Description("Withdraws a source's support for an encounter, a statement or an agreement (give exactly one of the"
        + " three).")
public class RemoveAttestationInput {

    @Id
    @NonNull
    @Description("The source.")
    public String source;

    @Id
    @Description("The encounter.")
    public String encounter;

    @Id
    @Description("The statement.")
    public String statement;

    @Id
    @Description("The agreement.")
    public String agreement;
}
