package org.parley.statement;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.parley.api.PartialDateInput;

@Input("UpdateStatementInput")
@Description("Changes to a statement."
        + " A field left out keeps its value; a field given as null clears it; a list given replaces the stored one"
        + " (null or an empty list clears it). A change that changes nothing is no change: same version, no entry in"
        + " `changes`.")
public class UpdateStatementInput {

    @Id
    @NonNull
    @Description("The statement to change.")
    public String id;

    @Description("The `version` the change is based on; a stale one is refused with CONFLICT.")
    public int version;

    @Size(min = 1, max = 4000)
    @Description("New text; cannot be cleared.")
    public String text;

    @Description("New mode; cannot be cleared.")
    public StatementMode mode;

    @Description("New kind; cannot be cleared.")
    public StatementKind kind;

    @Size(min = 1, max = 300)
    @Description("New description of the speaker; null clears it when the statement has a speaker.")
    public String speakerLabel;

    @Description("New date it was said; null clears it.")
    public PartialDateInput saidOn;

    @Id
    @Description("The speaker, a known actor; null clears it (only while the statement keeps a `speakerLabel`).")
    public String speaker;

    @Id
    @Description("The encounter at which it was said; null clears it.")
    public String encounter;

    @Id
    @Description("The statement it answers; null clears it. Not the statement itself, nor one that answers it,"
            + " however indirectly (INVALID): a thread has no loops.")
    public String respondsTo;

    @Id
    @Description("The actors it is about, replacing the stored ones in the order given; at most"
            + " `parley.limits.max-statement-about` (100 by default).")
    public List<@NonNull String> about;

    @Id
    @Description("The encounters it is about, replacing the stored ones in the order given; at most"
            + " `parley.limits.max-statement-about` (100 by default).")
    public List<@NonNull String> aboutEncounters;

    @Id
    @Description("The agreements it is about, replacing the stored ones in the order given; at most"
            + " `parley.limits.max-statement-about` (100 by default).")
    public List<@NonNull String> aboutAgreements;

    @Id
    @Description("The sources it is about, replacing the stored ones in the order given; at most"
            + " `parley.limits.max-statement-about` (100 by default).")
    public List<@NonNull String> aboutSources;

    @Id
    @Description("The statements it comments on, replacing the stored ones in the order given; not the statement"
            + " itself (INVALID); at most `parley.limits.max-statement-about` (100 by default).")
    public List<@NonNull String> aboutStatements;
}
