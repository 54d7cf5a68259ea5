package org.parley.statement;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("StatementFilter")
@Description("Narrows a list of statements; all given conditions must hold.")
public class StatementFilter {

    @Id
    @Description("Only statements by this actor.")
    public String speaker;

    @Id
    @Description("Only statements about this actor.")
    public String about;

    @Id
    @Description("Only statements made at this encounter.")
    public String encounter;

    @Description("Only statements of this kind.")
    public StatementKind kind;

    @Description("Only statements whose text contains all these words (English stemming: \"sanction\" finds"
            + " \"sanctions\"). Quoted phrases, `or` and `-word` work as in web search.")
    public String search;

    @Description("Only records changed in Parley at or after this time: what a client keeping a copy fetches to"
            + " catch up (compare with `changedAt`).")
    public OffsetDateTime updatedSince;
}
