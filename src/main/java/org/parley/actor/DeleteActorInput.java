package org.parley.actor;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.parley.write.DeleteInput;

@Input("DeleteActorInput")
@Description("The actor to delete.")
public class DeleteActorInput extends DeleteInput {
}
