package org.parley.encounter;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.parley.api.DatePrecision;
import org.parley.api.DateResolution;
import org.parley.api.PartialDate;

import org.parley.write.RecordEntity;

/** The write model of an encounter (Hibernate Reactive Panache); reads go through {@link EncounterRepository}. */
@Entity
@Table(name = "encounter")
public class EncounterEntity extends RecordEntity {

    public String kind;
    public String title;
    public String summary;
    public String status;

    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "start_precision")
    public String startPrecision;
    @Column(name = "start_until")
    public LocalDate startUntil;
    @Column(name = "start_earliest")
    public LocalDate startEarliest;
    @Column(name = "start_latest")
    public LocalDate startLatest;
    @Column(name = "start_resolution")
    public String startResolution;
    @Column(name = "start_note")
    public String startNote;
    @Column(name = "end_date")
    public LocalDate endDate;
    @Column(name = "end_precision")
    public String endPrecision;
    @Column(name = "end_until")
    public LocalDate endUntil;
    @Column(name = "end_earliest")
    public LocalDate endEarliest;
    @Column(name = "end_latest")
    public LocalDate endLatest;
    @Column(name = "end_resolution")
    public String endResolution;
    @Column(name = "end_note")
    public String endNote;

    @Column(name = "place_name")
    public String placeName;
    @Column(name = "place_locality")
    public String placeLocality;
    @Column(name = "place_country_id")
    public Long placeCountryId;
    public Double latitude;
    public Double longitude;

    /** The encounter this one is part of; never a cycle (EncounterService checks). */
    @Column(name = "part_of_id")
    public Long partOfId;

    void setPlace(PlaceInput place, Long countryId) {
        placeName = place.name.strip();
        placeLocality = place.locality;
        placeCountryId = countryId;
        latitude = place.latitude;
        longitude = place.longitude;
    }

    void clearPlace() {
        placeName = null;
        placeLocality = null;
        placeCountryId = null;
        latitude = null;
        longitude = null;
    }

    void setStart(PartialDate start) {
        startDate = start == null ? null : start.date;
        startPrecision = start == null ? null : start.precision.name();
        startUntil = start == null ? null : start.until();
        startEarliest = start == null ? null : start.earliest;
        startLatest = start == null ? null : start.latest;
        startResolution = start == null ? null : start.resolution.name();
        startNote = start == null ? null : start.resolutionNote;
    }

    void setEnd(PartialDate end) {
        endDate = end == null ? null : end.date;
        endPrecision = end == null ? null : end.precision.name();
        endUntil = end == null ? null : end.until();
        endEarliest = end == null ? null : end.earliest;
        endLatest = end == null ? null : end.latest;
        endResolution = end == null ? null : end.resolution.name();
        endNote = end == null ? null : end.resolutionNote;
    }

    PartialDate start() {
        return startDate == null ? null : new PartialDate(startDate, DatePrecision.valueOf(startPrecision),
                startEarliest, startLatest, DateResolution.valueOf(startResolution), startNote);
    }

    PartialDate end() {
        return endDate == null ? null : new PartialDate(endDate, DatePrecision.valueOf(endPrecision), endEarliest,
                endLatest, DateResolution.valueOf(endResolution), endNote);
    }
}
