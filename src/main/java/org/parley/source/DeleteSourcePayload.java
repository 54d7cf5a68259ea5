package org.parley.source;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.parley.write.DeletePayload;

@Type("DeleteSourcePayload")
@Description("The result of `deleteSource`.")
public class DeleteSourcePayload extends DeletePayload {
}
