package org.carethread.routing.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where one inbound message was sent, and why. Holds no PHI: the patient appears only as a blind index. */
@Entity
@Table(name = "routing_decision")
public class RoutingDecision {
    @Id
    @Column(name = "message_event_id")
    public String messageEventId;
    @Column(name = "provider_message_id")
    public String providerMessageId;
    @Column(name = "patient_ref")
    public String patientRef;
    @Column(name = "location_code")
    public String locationCode;
    @Column(name = "queue_code")
    public String queueCode;
    public String reason;
    @Column(name = "decided_at")
    public Instant decidedAt;
}
