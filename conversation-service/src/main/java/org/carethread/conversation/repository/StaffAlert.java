package org.carethread.conversation.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An on-call alert routing raised about one patient message. No PHI. Kept so an alert that arrives before the message
 * it is about can be applied when the message joins its conversation ({@code conversationId} null until then).
 */
@Entity
@Table(name = "staff_alert")
public class StaffAlert {
    @Id
    @Column(name = "alert_id")
    public String alertId;
    @Column(name = "message_event_id")
    public String messageEventId;
    @Column(name = "patient_ref")
    public String patientRef;
    @Column(name = "location_code")
    public String locationCode;
    @Column(name = "queue_code")
    public String queueCode;
    /** The staff member on call; null when nobody was and the whole queue was alerted. */
    @Column(name = "on_call_staff")
    public String onCallStaff;
    @Column(name = "safety_rule_id")
    public String safetyRuleId;
    @Column(name = "alerted_at")
    public Instant alertedAt;
    @Column(name = "conversation_id")
    public UUID conversationId;
}
