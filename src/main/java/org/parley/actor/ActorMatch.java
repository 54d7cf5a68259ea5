package org.parley.actor;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ActorMatch")
@Description("An actor whose name or an alias resembles the name searched for, with how closely.")
public class ActorMatch {

    @NonNull
    @Description("The actor.")
    public Actor actor;

    @NonNull
    @Description("The name or alias that matched best.")
    public String matchedName;

    @Description("Trigram similarity of the matched name to the one searched for, both folded for accents and"
            + " transliteration variants (Sergey/Sergei, kh/h): from 0 to 1, 1 for the same key.")
    public double score;
}
