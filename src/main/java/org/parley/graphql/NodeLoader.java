package org.parley.graphql;

import java.util.List;
import java.util.Map;

import io.smallrye.mutiny.Uni;

/** Reads objects of one node type by database id; each domain package provides one for {@code node(id:)}. */
public interface NodeLoader {

    NodeType type();

    /** The objects found, by id; ids not found are absent. One statement for all ids. */
    Uni<Map<Long, ? extends Node>> load(List<Long> ids);
}
