package org.parley.agreement;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.parley.write.UserError;

/** What the agreement mutations answer: the agreement as it now is, or the user errors that stopped the change. */
public abstract class AgreementPayload {

    @Description("The agreement after the change; null when the change was refused.")
    public Agreement agreement;

    @NonNull
    @Description("Why the change was refused; empty when it was made (or changed nothing).")
    public List<@NonNull UserError> userErrors = List.of();

    @org.eclipse.microprofile.graphql.Type("CreateAgreementPayload")
    @Description("The result of `createAgreement`.")
    public static class Create extends AgreementPayload {
    }

    @org.eclipse.microprofile.graphql.Type("UpdateAgreementPayload")
    @Description("The result of `updateAgreement`.")
    public static class Update extends AgreementPayload {
    }
}
