package org.parley.audit;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.parley.graphql.NodeType;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/** Records accepted writes in change_log, inside the caller's transaction. */
@ApplicationScoped
public class Audit {

    private final CurrentIdentityAssociation identity;

    Audit(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    /** Adds the entry for a write of {@code operation} to the object; the subject is the token's. */
    public Uni<Void> record(String operation, NodeType type, long id) {
        // the deferred identity: resolving it must not block the event loop
        return identity.getDeferredIdentity().chain(current -> {
            ChangeEntry entry = new ChangeEntry();
            entry.at = OffsetDateTime.now();
            entry.subject = current.getPrincipal().getName();
            entry.operation = operation;
            entry.nodeType = type.typeName();
            entry.nodeId = id;
            return entry.persist();
        }).replaceWithVoid();
    }
}
