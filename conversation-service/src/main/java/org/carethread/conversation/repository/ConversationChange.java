package org.carethread.conversation.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One entry of a conversation's history: who did what, when, why, and the state it left the conversation in. The
 * reason is free text staff write, so it may hold PHI and is stored sealed.
 */
@Entity
@Table(name = "conversation_change")
public class ConversationChange {
    /** The patient's message or the snooze timer made the change, not a person. */
    public static final String SYSTEM = "system";

    @Id
    public UUID id;
    @Column(name = "conversation_id")
    public UUID conversationId;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "actor_id")
    public String actorId;
    @Column(name = "actor_name")
    public String actorName;
    public String action;
    public String status;
    public String assignee;
    @Column(name = "queue_code")
    public String queueCode;
    public String outcome;
    public String escalation;
    @Column(name = "snoozed_until")
    public Instant snoozedUntil;
    @Column(name = "sealed_reason")
    public String sealedReason;
}
