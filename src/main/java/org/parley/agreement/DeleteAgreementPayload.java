package org.parley.agreement;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.parley.write.DeletePayload;

@Type("DeleteAgreementPayload")
@Description("The result of `deleteAgreement`.")
public class DeleteAgreementPayload extends DeletePayload {
}
