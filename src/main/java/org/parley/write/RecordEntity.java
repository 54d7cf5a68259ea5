package org.parley.write;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * The columns every kind of record has (actor, encounter, statement, source, agreement): the row id, the key, when it
 * last changed, when it was deleted (a tombstone), and the version that optimistic locking checks. Each record's
 * entity extends this and adds its own columns.
 */
@MappedSuperclass
public abstract class RecordEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The record's key in imports and exports (unique, lower case and hyphens). */
    public String slug;

    @Column(name = "modified_at")
    public OffsetDateTime modifiedAt;

    /** Set when the row was deleted: it stays as a tombstone for the change feed. */
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    @Version
    public int version;
}
