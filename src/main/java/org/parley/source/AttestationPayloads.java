package org.parley.source;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.encounter.Encounter;
import org.parley.write.UserError;
import org.parley.statement.Statement;

/** Payloads of `attest` and `removeAttestation`. */
public final class AttestationPayloads {

    private AttestationPayloads() {
    }

    @Type("AttestPayload")
    @Description("The result of `attest`.")
    public static class Attest {

        @Description("The new attestation; null when it was refused.")
        public Attestation attestation;

        @NonNull
        @Description("Why it was refused; empty when it was recorded.")
        public List<@NonNull UserError> userErrors = List.of();
    }

    @Type("RemoveAttestationPayload")
    @Description("The result of `removeAttestation`: the encounter, statement or agreement that lost the attestation.")
    public static class Remove {

        /** The agreement that lost it, when it was an agreement's (its field comes from the agreement package). */
        @Ignore
        public Long agreementId;

        @Description("The encounter, when the attestation was of an encounter.")
        public Encounter encounter;

        @Description("The statement, when the attestation was of a statement.")
        public Statement statement;

        @NonNull
        @Description("Why it was refused; empty when it was removed.")
        public List<@NonNull UserError> userErrors = List.of();
    }
}
