package org.parley.audit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.parley.database.Reads;
import org.parley.read.ListCount;
import org.parley.api.Node;
import org.parley.api.NodeLoader;
import org.parley.api.NodeType;
import org.parley.read.PageRequest;
import org.parley.read.Paging;
import org.parley.read.SqlArgs;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** The audit trail: {@code changes}, newest first, for editors and admins. */
@GraphQLApi
public class ChangeGraphQLApi {

    private final Pool pool;
    private final Map<NodeType, NodeLoader> loaders = new EnumMap<>(NodeType.class);

    ChangeGraphQLApi(@Reads Pool pool, Instance<NodeLoader> loaders) {
        this.pool = pool;
        loaders.forEach(loader -> this.loaders.put(loader.type(), loader));
    }

    @Query
    @NonNull
    @RolesAllowed({ "editor", "admin" })
    @Description("Accepted writes, newest first: who changed what and when. Needs the role editor."
            + " `first` defaults to 20, at most 100.")
    public Uni<ChangeConnection> changes(@Name("first") Integer first, @Name("after") String after) {
        return Paging.page(pool, Change.COLUMNS, "from change_log c", "c.id desc", new SqlArgs(),
                PageRequest.of(first, after), Change::from).map(ChangeConnection::new);
    }

    @Description("The object changed; null if it no longer exists.")
    public Uni<List<Node>> node(@Source List<Change> changes) {
        Map<NodeType, List<Long>> byType = new EnumMap<>(NodeType.class);
        changes.forEach(c -> byType.computeIfAbsent(c.nodeType, t -> new ArrayList<>()).add(c.nodeId));
        List<NodeType> types = new ArrayList<>(byType.keySet());
        if (types.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // one statement per type of object changed
        List<Uni<Map<Long, ? extends Node>>> reads = types.stream().map(t -> loaders.get(t).load(byType.get(t))).toList();
        return Uni.join().all(reads).andFailFast().map(results -> {
            Map<NodeType, Map<Long, ? extends Node>> found = new HashMap<>();
            for (int i = 0; i < types.size(); i++) {
                found.put(types.get(i), results.get(i));
            }
            List<Node> nodes = new ArrayList<>(changes.size());
            changes.forEach(c -> nodes.add(found.get(c.nodeType).get(c.nodeId)));
            return nodes;
        });
    }

    @NonNull
    @Description("How many changes the whole list holds.")
    public Uni<List<Integer>> totalCount(@Source List<ChangeConnection> connections) {
        return ListCount.of(connections, ChangeConnection::page);
    }
}
