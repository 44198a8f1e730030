package org.carethread.routing.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where one inbound message was sent, and why. The patient appears only as a blind index; the classifier's reasons are sealed. */
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
    @Column(name = "patient_id")
    public UUID patientId;
    public String identity;
    public String category;
    public String urgency;
    public String priority;
    @Column(name = "sealed_triage_reasons")
    public String sealedTriageReasons;
    @Column(name = "rule_id")
    public String ruleId;
    @Column(name = "rules_version")
    public Integer rulesVersion;
    @Column(name = "directed_to")
    public String directedTo;
    @Column(name = "auto_reply_kind")
    public String autoReplyKind;
    @Column(name = "clock_starts_at")
    public Instant clockStartsAt;
}
