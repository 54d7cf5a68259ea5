package org.parley.audit;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One accepted write: who (token subject), which operation, on which object, when. */
@Entity
@Table(name = "change_log")
public class ChangeEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public OffsetDateTime at;

    public String subject;

    public String operation;

    @Column(name = "node_type")
    public String nodeType;

    @Column(name = "node_id")
    public long nodeId;
}
