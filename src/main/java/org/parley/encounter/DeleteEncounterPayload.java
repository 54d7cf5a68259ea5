package org.parley.encounter;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.parley.write.DeletePayload;

@Type("DeleteEncounterPayload")
@Description("The result of `deleteEncounter`.")
public class DeleteEncounterPayload extends DeletePayload {
}
