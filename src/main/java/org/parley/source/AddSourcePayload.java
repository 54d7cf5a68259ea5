package org.parley.source;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.write.UserError;

@Type("AddSourcePayload")
@Description("The result of `addSource`.")
public class AddSourcePayload {

    @Description("The new source; null when it was refused.")
    public Source source;

    @NonNull
    @Description("Why it was refused; empty when it was added.")
    public List<@NonNull UserError> userErrors = List.of();
}
