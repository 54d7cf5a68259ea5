package org.parley.actor;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("ActorFilter")
@Description("Narrows a list of actors; all given conditions must hold.")
public class ActorFilter {

    @Description("Only actors of this kind.")
    public ActorKind kind;

    @Description("Only actors whose name or an alias contains this text, ignoring case, accents, spaces and hyphens.")
    public String search;
}
