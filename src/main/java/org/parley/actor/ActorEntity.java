package org.parley.actor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.parley.write.RecordEntity;

/**
 * The write model of an actor (Hibernate Reactive Panache). Reads go through {@link ActorRepository}; writes load
 * and change this entity in a transaction, and {@link Version} turns a concurrent change into a refused one.
 */
@Entity
@Table(name = "actor")
public class ActorEntity extends RecordEntity {

    public String kind;

    public String name;

    @Column(name = "normalized_name")
    public String normalizedName;

    public String description;

    @Column(name = "wikidata_id")
    public String wikidataId;

    @Column(name = "country_id")
    public Long countryId;
}
