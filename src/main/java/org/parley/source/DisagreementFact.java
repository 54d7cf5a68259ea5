package org.parley.source;

import org.eclipse.microprofile.graphql.Description;

@Description("What sources disagree on.")
public enum DisagreementFact {
    @Description("The date: the periods the sources give (each attestation's `reportedDate`, else the date recorded"
            + " for the encounter, statement or agreement) do not all overlap, e.g. Wednesday 30 May against Thursday"
            + " 31 May.")
    DATE
}
