package org.parley.statement;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.parley.graphql.PartialDateInput;

@Input("UpdateStatementInput")
@Description("Changes to a statement. Fields left out (or null) keep their value.")
public class UpdateStatementInput {

    @Id
    @NonNull
    @Description("The statement to change.")
    public String id;

    @Description("The `version` the change is based on; a stale one is refused with CONFLICT.")
    public int version;

    @Size(min = 1, max = 4000)
    @Description("New text.")
    public String text;

    @Description("New mode.")
    public StatementMode mode;

    @Description("New kind.")
    public StatementKind kind;

    @Size(min = 1, max = 300)
    @Description("New description of the speaker.")
    public String speakerLabel;

    @Description("New date it was said.")
    public PartialDateInput saidOn;
}
