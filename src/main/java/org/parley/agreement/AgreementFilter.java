package org.parley.agreement;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("AgreementFilter")
@Description("Narrows a list of agreements; all given conditions must hold.")
public class AgreementFilter {

    @Description("Only agreements of this kind.")
    public AgreementKind kind;

    @Description("Only agreements whose latest step has this status.")
    public AgreementStatus status;

    @Id
    @Description("Only agreements this actor is a party to (the ID of a merged actor stands for the actor it was"
            + " merged into).")
    public String party;

    @Description("Only agreements whose title contains this text, ignoring case.")
    public String search;

    @Description("Only records changed in Parley at or after this time: what a client keeping a copy fetches to"
            + " catch up (compare with `changedAt`).")
    public OffsetDateTime updatedSince;
}
