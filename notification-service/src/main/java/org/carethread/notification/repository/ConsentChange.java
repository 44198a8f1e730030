package org.carethread.notification.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change of consent, never updated: the keyword the patient texted and the message event it came in. */
@Entity
@Table(name = "consent_change")
public class ConsentChange {
    @Id
    @Column(name = "source_event_id")
    public String sourceEventId;
    @Column(name = "patient_ref")
    public String patientRef;
    @Column(name = "practice_number")
    public String practiceNumber;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public ConsentState fromState;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public ConsentState toState;
    public String keyword;
    @Column(name = "changed_at")
    public Instant changedAt;
}
