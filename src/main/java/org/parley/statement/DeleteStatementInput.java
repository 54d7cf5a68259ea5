package org.parley.statement;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.parley.write.DeleteInput;

@Input("DeleteStatementInput")
@Description("The statement to delete.")
public class DeleteStatementInput extends DeleteInput {
}
