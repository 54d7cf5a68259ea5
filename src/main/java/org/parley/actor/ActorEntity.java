package org.parley.actor;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * The write model of an actor (Hibernate Reactive Panache). Reads go through {@link ActorRepository}; writes load
 * and change this entity in a transaction, and {@link Version} turns a concurrent change into a refused one.
 */
@Entity
@Table(name = "actor")
public class ActorEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;

    public String kind;

    public String name;

    @Column(name = "normalized_name")
    public String normalizedName;

    public String description;

    @Column(name = "wikidata_id")
    public String wikidataId;

    @Column(name = "country_id")
    public Long countryId;

    @Column(name = "modified_at")
    public OffsetDateTime modifiedAt;

    /** Set when the row was deleted: it stays as a tombstone for the change feed. */
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    @Version
    public int version;
}
