package org.parley.statement;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.parley.write.RecordEntity;

/** The write model of a statement (Hibernate Reactive Panache); reads go through {@link StatementRepository}. */
@Entity
@Table(name = "statement")
public class StatementEntity extends RecordEntity {

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
}
