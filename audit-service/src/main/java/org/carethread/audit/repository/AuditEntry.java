package org.carethread.audit.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row of the append-only, hash-chained audit log. Never leaves the service as is: see the mappers. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "event_id")
    public String eventId;
    public String topic;
    @Column(name = "event_type")
    public String eventType;
    public String source;
    public String subject;
    @Column(name = "conversation_id")
    public String conversationId;
    @Column(name = "patient_ref")
    public String patientRef;
    @Column(name = "actor_user_id")
    public String actorUserId;
    /** The actor's username, when the event names it beside the subject. */
    @Column(name = "actor_name")
    public String actorName;
    /** Comma-separated roles of the actor, when the event names them. */
    @Column(name = "actor_roles")
    public String actorRoles;
    /** Why the actor read PHI, when they had to say (break-glass): sealed, as the reading service sent it. */
    @Column(name = "sealed_purpose")
    public String sealedPurpose;
    public String action;
    @Column(name = "location_code")
    public String locationCode;
    @Column(name = "client_address")
    public String clientAddress;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "previous_hash")
    public String previousHash;
    @Column(name = "entry_hash")
    public String entryHash;
}
