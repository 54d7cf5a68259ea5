package org.parley.source;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.write.UserError;

@Type("UpdateSourcePayload")
@Description("The result of `updateSource`.")
public class UpdateSourcePayload {

    @Description("The source after the change; null when the change was refused.")
    public Source source;

    @NonNull
    @Description("Why the change was refused; empty when it was made (or changed nothing).")
    public List<@NonNull UserError> userErrors = List.of();
}
