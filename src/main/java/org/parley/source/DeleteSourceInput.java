package org.parley.source;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.parley.write.DeleteInput;

@Input("DeleteSourceInput")
@Description("The source to delete.")
public class DeleteSourceInput extends DeleteInput {
}
