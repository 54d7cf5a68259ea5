package org.parley.intake;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.write.UserError;

@Type("IntakePayload")
@Description("The result of `proposeFromArticle`, `acceptIntake` or `discardIntake`.")
public class IntakePayload {

    @Description("The intake as it now stands; null when the mutation was refused before one existed.")
    public Intake intake;

    @NonNull
    @Description("Why it was refused; empty when it succeeded. A refused acceptance wrote nothing.")
    public List<@NonNull UserError> userErrors = List.of();
}
