package org.parley.intake;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("DiscardIntakeInput")
@Description("An open intake to close without writing anything.")
public class DiscardIntakeInput {

    @Id
    @NonNull
    @NotNull
    @Description("The intake.")
    public String intake;
}
