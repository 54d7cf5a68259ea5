package org.parley.actor;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.api.Node;
import org.parley.api.NodeLoader;
import org.parley.api.NodeType;

import io.smallrye.mutiny.Uni;

/** Roles for {@code node(id:)}: the ID that `updateRole` and `deleteRole` take resolves like any other. */
@ApplicationScoped
public class RoleLoader implements NodeLoader {

    private final ActorRepository actors;

    RoleLoader(ActorRepository actors) {
        this.actors = actors;
    }

    @Override
    public NodeType type() {
        return NodeType.ROLE;
    }

    @Override
    public Uni<? extends Map<Long, ? extends Node>> byIds(Long[] ids) {
        return actors.rolesByIds(ids);
    }
}
