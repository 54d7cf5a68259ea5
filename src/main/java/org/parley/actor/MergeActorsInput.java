package org.parley.actor;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("MergeActorsInput")
@Description("Two records of the same actor: `merge` is folded into `keep`.")
public class MergeActorsInput {

    @Id
    @NonNull
    @Description("The actor that stays.")
    public String keep;

    @Description("The `version` of `keep` the merge is based on (CONFLICT if it changed since).")
    public int keepVersion;

    @Id
    @NonNull
    @Description("The actor that is merged away: its name becomes an alias of `keep`, its aliases, roles,"
            + " participations and statements move to `keep`, and its ID resolves to `keep` from then on.")
    public String merge;

    @Description("The `version` of `merge` the merge is based on (CONFLICT if it changed since).")
    public int mergeVersion;
}
