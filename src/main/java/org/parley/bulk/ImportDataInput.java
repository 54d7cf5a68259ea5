package org.parley.bulk;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ImportDataInput")
@Description("Lines to import, in the format of `POST /import`.")
public class ImportDataInput {

    @NonNull
    @Description("JSON Lines: one record a line (docs/IMPORT.md). Meant for small batches; send files to"
            + " `POST /import`, which streams them.")
    public String lines;
}
