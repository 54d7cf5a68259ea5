package org.parley.actor;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.parley.write.DeletePayload;

@Type("DeleteActorPayload")
@Description("The result of `deleteActor`.")
public class DeleteActorPayload extends DeletePayload {
}
