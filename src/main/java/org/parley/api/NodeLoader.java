package org.parley.api;

import java.util.List;
import java.util.Map;

import io.smallrye.graphql.api.Context;
import io.smallrye.mutiny.Uni;

/** Reads objects of one node type by database id; each domain package provides one for {@code node(id:)}. */
public interface NodeLoader {

    NodeType type();

    /** The live objects with these ids, by id; ids not found are absent. One statement for all ids. */
    Uni<? extends Map<Long, ? extends Node>> byIds(Long[] ids);

    /** The objects {@code node(id:)} and the change feed show for these ids: {@link #byIds} unless overridden. */
    default Uni<Map<Long, ? extends Node>> load(List<Long> ids) {
        return byIds(ids.toArray(Long[]::new)).map(found -> found);
    }

    /**
     * As {@link #load}, for {@code node(id:)} on one id: a type whose lists can be folded into its statement
     * ({@code read.ToMany}) reads what {@code context}'s selection asks of it ahead ({@code Lookahead.ofOne}).
     */
    default Uni<Map<Long, ? extends Node>> load(long id, Context context) {
        return load(List.of(id));
    }
}
