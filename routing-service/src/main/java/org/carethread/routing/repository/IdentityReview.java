package org.carethread.routing.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message from an address several patients share, waiting for staff to confirm which of them wrote. */
@Entity
@Table(name = "identity_review")
public class IdentityReview {
    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";

    @Id
    public UUID id;
    /** The inbound message event that opened it. */
    @Column(name = "message_event_id")
    public String messageEventId;
    /** Blind index of the sender's address. */
    @Column(name = "patient_ref")
    public String patientRef;
    @Column(name = "location_code")
    public String locationCode;
    public String status;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "resolved_by")
    public String resolvedBy;
    @Column(name = "resolved_patient_id")
    public UUID resolvedPatientId;
    @Column(name = "resolved_at")
    public Instant resolvedAt;

    public boolean isOpen() {
        return OPEN.equals(status);
    }

    public void resolve(String by, UUID patientId, Instant at) {
        status = RESOLVED;
        resolvedBy = by;
        resolvedPatientId = patientId;
        resolvedAt = at;
    }
}
