package org.parley.statement;

import org.eclipse.microprofile.graphql.Description;

@Description("Whether a statement's text is the speaker's own words.")
public enum StatementMode {
    @Description("The exact words as printed between quotation marks by the source.")
    VERBATIM,
    @Description("A faithful rendering of what was reported, not the speaker's own words.")
    PARAPHRASE
}
