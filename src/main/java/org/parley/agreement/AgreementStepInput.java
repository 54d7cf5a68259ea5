package org.parley.agreement;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.parley.api.PartialDateInput;

@Input("AgreementStepInput")
@Description("A step in an agreement's life, with its date and the source that reports it.")
public class AgreementStepInput {

    @NonNull
    @Description("The status from this step on.")
    public AgreementStatus status;

    @Description("When the step took effect, as precisely as known.")
    public PartialDateInput date;

    @Id
    @Description("The source that reports the step.")
    public String source;

    @Size(max = 2000)
    @Description("A precision on the step (which party ratified, under which decree).")
    public String note;
}
