package org.parley.source;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.parley.write.RecordEntity;

/** The write model of a source (Hibernate Reactive Panache); reads go through {@link SourceRepository}. */
@Entity
@Table(name = "source")
public class SourceEntity extends RecordEntity {

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
}
