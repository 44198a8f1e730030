package org.carethread.routing.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Staff confirmed that, at a location, messages from an address ({@code patientRef}, its blind index) are this
 * patient's. Unlinking keeps the row with who undid it and when.
 */
@Entity
@Table(name = "patient_link")
public class PatientLink {
    @Id
    public UUID id;
    @Column(name = "patient_ref")
    public String patientRef;
    @Column(name = "location_code")
    public String locationCode;
    @Column(name = "patient_id")
    public UUID patientId;
    @Column(name = "linked_by")
    public String linkedBy;
    @Column(name = "linked_at")
    public Instant linkedAt;
    @Column(name = "unlinked_by")
    public String unlinkedBy;
    @Column(name = "unlinked_at")
    public Instant unlinkedAt;

    public boolean isActive() {
        return unlinkedAt == null;
    }
}
