package org.parley.api;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/**
 * Root field {@code node}: refetch any object by its global ID. ({@code nodes(ids:)} waits for SmallRye GraphQL to
 * convert {@code @Id} list arguments, which 2.17 fails to do: see docs/ARCHITECTURE.md.)
 */
@GraphQLApi
public class NodeGraphQLApi {

    private final Map<NodeType, NodeLoader> loaders = new EnumMap<>(NodeType.class);

    @Inject
    Context context;

    @Inject
    NodeGraphQLApi(Instance<NodeLoader> loaders) {
        loaders.forEach(loader -> this.loaders.put(loader.type(), loader));
    }

    @Query
    @Description("The object with this global ID, or null if there is none.")
    public Uni<Node> node(@Name("id") @Id @NonNull String id) {
        GlobalId globalId = GlobalId.decode(id);
        return loaders.get(globalId.type()).load(globalId.id(), context)
                .map(found -> found.get(globalId.id()));
    }
}
