package org.parley.encounter;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.parley.write.DeleteInput;

@Input("DeleteEncounterInput")
@Description("The encounter to delete.")
public class DeleteEncounterInput extends DeleteInput {
}
