package org.parley.statement;

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

/** The write model of a statement (Hibernate Reactive Panache); reads go through {@link StatementRepository}. */
@Entity
@Table(name = "statement")
public class StatementEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;
    public String text;
    public String mode;
    public String kind;

    @Column(name = "speaker_id")
    public Long speakerId;
    @Column(name = "speaker_label")
    public String speakerLabel;
    @Column(name = "said_date")
    public LocalDate saidDate;
    @Column(name = "said_precision")
    public String saidPrecision;
    @Column(name = "encounter_id")
    public Long encounterId;
    @Column(name = "responds_to_id")
    public Long respondsToId;

    public int position;

    @Column(name = "modified_at")
    public OffsetDateTime modifiedAt;

    /** Set when the row was deleted: it stays as a tombstone for the change feed. */
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    @Version
    public int version;
}
