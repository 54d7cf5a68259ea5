package org.parley.source;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The write model of a source (Hibernate Reactive Panache); reads go through {@link SourceRepository}. */
@Entity
@Table(name = "source")
public class SourceEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;

    public String title;

    public String publisher;

    public String author;

    public String url;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    @Column(name = "published_precision")
    public String publishedPrecision;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "printed_offset_seconds")
    public Integer printedOffsetSeconds;

    public String language;

    @Column(name = "reliability_note")
    public String reliabilityNote;

    @Column(name = "modified_at")
    public OffsetDateTime modifiedAt;

    /** Set when the row was deleted: it stays as a tombstone for the change feed. */
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    @Version
    public int version;
}
