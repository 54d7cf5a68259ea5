package org.parley.source;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("SourceFilter")
@Description("Narrows a list of sources; all given conditions must hold.")
public class SourceFilter {

    @Description("Only sources whose publisher contains this text, ignoring case.")
    public String publisher;

    @Description("Only sources whose title, author or publisher contains this text, ignoring case.")
    public String search;

    @Description("Only records changed in Parley at or after this time: what a client keeping a copy fetches to"
            + " catch up (compare with `changedAt`).")
    public OffsetDateTime updatedSince;
}
