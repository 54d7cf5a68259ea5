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
    @Description("The global ID of the record written, attested or matched (a Statement, an Encounter, a Source, an"
            + " Actor);"
            + " `node(id:)` reads it.")
    public String record;

    @NonNull
    @Description("What was done: CREATED; ATTESTED for an encounter that was there before; MATCHED for a mentioned"
            + " actor or state that was there before (nothing written); PLACED for a place that became the place of"
            + " the new encounter `record`.")
    public String action;

    public AcceptedRecord() {
    }

    AcceptedRecord(String proposal, String record, String action) {
        this.proposal = proposal;
        this.record = record;
        this.action = action;
    }
}
