package org.parley.statement;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.parley.api.PartialDateInput;

@Input("UpdateStatementInput")
@Description("Changes to a statement."
        + " A field left out keeps its value; a field given as null clears it. A change that changes nothing is no change: same version, no entry in `changes`.")
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
}
