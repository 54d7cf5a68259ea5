package org.parley.statement;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.parley.write.DeletePayload;

@Type("DeleteStatementPayload")
@Description("The result of `deleteStatement`.")
public class DeleteStatementPayload extends DeletePayload {
}
