package org.parley.bulk;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.parley.write.UserError;

@Type("ImportDataPayload")
@Description("The result of `importData`.")
public class ImportDataPayload {

    @NonNull
    @Description("What the import did, or would have done had no line been rejected.")
    public ImportReport report;

    @NonNull
    @Description("One per rejected line (the first 100), with the field [\"input\", \"lines\", \"<line number>\"]:"
            + " NOT_FOUND for a reference to no record, INVALID otherwise. Empty when the import was written.")
    public List<@NonNull UserError> userErrors = List.of();
}
