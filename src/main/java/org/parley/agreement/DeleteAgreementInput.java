package org.parley.agreement;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.parley.write.DeleteInput;

@Input("DeleteAgreementInput")
@Description("The agreement to delete.")
public class DeleteAgreementInput extends DeleteInput {
}
