package org.parley.audit;

import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.api.NodeType;
import org.parley.write.WriteDeadline;
import org.parley.write.WriteSubject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/** Records accepted writes in change_log, inside the caller's transaction. */
@ApplicationScoped
public class Audit {

    private final CurrentIdentityAssociation identity;
    private final long statementTimeoutMillis;

    Audit(CurrentIdentityAssociation identity,
            @ConfigProperty(name = "parley.database.statement-timeout") Duration statementTimeout) {
        this.identity = identity;
        this.statementTimeoutMillis = statementTimeout.toMillis();
    }

    /** Adds the entry for a write of {@code operation} to the object; the subject is the token's. */
    public Uni<Void> record(String operation, NodeType type, long id) {
        // the subject captured as the write started (WriteSubject); else the deferred identity, which must not
        // block the event loop
        Uni<String> subject = WriteSubject.current().map(name -> Uni.createFrom().item(name))
                .orElseGet(() -> identity.getDeferredIdentity().map(current -> current.getPrincipal().getName()));
        // no audit entry past the request's deadline, and none that waits beyond it (WriteDeadline). The write's
        // pending changes are flushed first, under the same limit, so the entry is its last statement. The entry's
        // place in the live feed is given at commit (migration V26), with no lock held before the COMMIT
        return WriteDeadline.limitStatements(statementTimeoutMillis).chain(() -> Panache.flush())
                .chain(() -> subject).chain(name -> {
                    ChangeEntry entry = new ChangeEntry();
                    entry.at = OffsetDateTime.now();
                    entry.subject = name;
                    entry.operation = operation;
                    entry.nodeType = type.typeName();
                    entry.nodeId = id;
                    return entry.persist();
                }).replaceWithVoid();
    }
}
