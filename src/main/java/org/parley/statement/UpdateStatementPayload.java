package org.parley.statement;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.write.UserError;

@Type("UpdateStatementPayload")
@Description("The result of `updateStatement`.")
public class UpdateStatementPayload {

    @Description("The statement after the change; null when it was refused.")
    public Statement statement;

    @NonNull
    @Description("Why it was refused; empty when it was made.")
    public List<@NonNull UserError> userErrors = List.of();
}
