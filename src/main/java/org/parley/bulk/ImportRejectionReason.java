package org.parley.bulk;

import org.eclipse.microprofile.graphql.Description;

@Description("Why a line of an import was rejected.")
public enum ImportRejectionReason {
    @Description("The line is not one JSON object (or is longer than an import line may be).")
    BAD_JSON,
    @Description("The line's `type` is missing or not one of source, actor, encounter, statement, attestation.")
    UNKNOWN_TYPE,
    @Description("The line names a record that is neither in the database nor on an earlier line.")
    UNKNOWN_REFERENCE,
    @Description("A value is missing, malformed, out of range or taken, or the record breaks a rule of the data.")
    INVALID
}
