package org.parley.intake;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("IntakeAcceptedRecord")
@Description("A record an accepted proposal became (or, for an encounter already recorded, the record it attests).")
public class AcceptedRecord {

    @NonNull
    @Description("The proposal's ID within the intake.")
    public String proposal;

    @Id
    @NonNull
    @Description("The global ID of the record written or attested (a Statement, an Encounter, a Source, an Actor);"
            + " `node(id:)` reads it.")
    public String record;

    @NonNull
    @Description("What was done: CREATED, or ATTESTED for a record that was there before.")
    public String action;

    public AcceptedRecord() {
    }

    AcceptedRecord(String proposal, String record, String action) {
        this.proposal = proposal;
        this.record = record;
        this.action = action;
    }
}
