package org.parley.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.parley.write.RecordEntity;

/** The write model of an agreement (Hibernate Reactive Panache); reads go through {@link AgreementRepository}. */
@Entity
@Table(name = "agreement")
public class AgreementEntity extends RecordEntity {

    public String kind;

    public String title;

    public String summary;

    @Column(name = "signed_at_id")
    public Long signedAtId;
}
