package org.parley.source;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("SourceFilter")
@Description("Narrows a list of sources; all given conditions must hold.")
public class SourceFilter {

    @Description("Only sources whose publisher contains this text, ignoring case.")
    public String publisher;

    @Description("Only sources whose title, author or publisher contains this text, ignoring case.")
    public String search;
}
