package org.parley.statement;

import java.time.LocalDate;

import org.parley.api.DatePrecision;
import org.parley.api.DateResolution;
import org.parley.api.PartialDate;

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
    @Column(name = "said_earliest")
    public LocalDate saidEarliest;
    @Column(name = "said_latest")
    public LocalDate saidLatest;
    @Column(name = "said_resolution")
    public String saidResolution;
    @Column(name = "said_note")
    public String saidNote;
    @Column(name = "encounter_id")
    public Long encounterId;
    @Column(name = "responds_to_id")
    public Long respondsToId;

    public int position;

    void setSaidOn(PartialDate said) {
        saidDate = said == null ? null : said.date;
        saidPrecision = said == null ? null : said.precision.name();
        saidEarliest = said == null ? null : said.earliest;
        saidLatest = said == null ? null : said.latest;
        saidResolution = said == null ? null : said.resolution.name();
        saidNote = said == null ? null : said.resolutionNote;
    }

    PartialDate saidOn() {
        return saidDate == null ? null : new PartialDate(saidDate, DatePrecision.valueOf(saidPrecision), saidEarliest,
                saidLatest, DateResolution.valueOf(saidResolution), saidNote);
    }
}
