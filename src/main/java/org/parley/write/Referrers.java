package org.parley.write;

import java.util.List;

/**
 * What rows of one kind of record refer to rows of other tables, as reasons to refuse deleting those rows. A
 * package contributes one as a CDI bean, and {@link SoftDeletes#delete} asks every bean: so a new kind of record
 * protects what it refers to (its parties, the encounter it was signed at) without a change to the services that
 * delete them. Mark the bean {@code @Unremovable}: it is looked up, not injected, and Quarkus drops beans nobody
 * injects.
 */
public interface Referrers {

    /** The blockers for deleting a row of {@code table}; empty when this kind refers to none of its rows. */
    List<SoftDeletes.Blocker> of(String table);
}
