package org.parley.statement;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

import io.smallrye.graphql.api.AdaptToScalar;
import io.smallrye.graphql.api.Scalar;

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

    // Strings typed Date in the schema, parsed by StatementRepository (api.DateBound) so that a malformed one is
    // refused naming the field and the format.
    @AdaptToScalar(Scalar.Date.class)
    @Description("Only statements that may have been said on or after this date: the last day their interval allows"
            + " (`saidOn.latest`) is on or after it; undated ones are left out. YYYY-MM-DD; a month (YYYY-MM) or a"
            + " year (YYYY) counts from its first day.")
    public String from;

    @AdaptToScalar(Scalar.Date.class)
    @Description("Only statements that may have been said on or before this date: `saidOn.earliest` is on or before"
            + " it; undated ones are left out. With `from`, a statement matches when its interval overlaps the range."
            + " YYYY-MM-DD; a month (YYYY-MM) or a year (YYYY) counts to its last day.")
    public String to;

    @Description("Only records changed in Parley at or after this time: what a client keeping a copy fetches to"
            + " catch up (compare with `changedAt`).")
    public OffsetDateTime updatedSince;
}
