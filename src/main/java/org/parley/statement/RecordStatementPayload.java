package org.parley.statement;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.write.UserError;

@Type("RecordStatementPayload")
@Description("The result of `recordStatement`.")
public class RecordStatementPayload {

    @Description("The new statement; null when it was refused.")
    public Statement statement;

    @NonNull
    @Description("Why it was refused; empty when it was recorded.")
    public List<@NonNull UserError> userErrors = List.of();
}
