package org.parley.encounter;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("MergeEncountersInput")
@Description("Two records of the same meeting (say, one from an older article and one from a newer): `merge` is folded"
        + " into `keep`.")
public class MergeEncountersInput {

    @Id
    @NonNull
    @Description("The encounter that stays.")
    public String keep;

    @Description("The `version` of `keep` the merge is based on (CONFLICT if it changed since).")
    public int keepVersion;

    @Id
    @NonNull
    @Description("The encounter that is merged away: its participants, attestations, status steps, statements, parts"
            + " and the statements about it move to `keep`, and its ID resolves to `keep` from then on.")
    public String merge;

    @Description("The `version` of `merge` the merge is based on (CONFLICT if it changed since).")
    public int mergeVersion;
}
