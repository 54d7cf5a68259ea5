package org.parley.agreement;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("AgreementStatus")
@Description("A step in the life of an agreement.")
public enum AgreementStatus {
    @Description("Signed by the parties.")
    SIGNED,
    @Description("Ratified (by one or all parties: the step's note says which).")
    RATIFIED,
    @Description("In force.")
    IN_FORCE,
    @Description("Suspended by a party.")
    SUSPENDED,
    @Description("Ended by a party or by the parties.")
    TERMINATED,
    @Description("Ran out at the end of its term.")
    EXPIRED
}
