package org.carethread.notification.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.carethread.schemas.DeliveryStatus;

/** A message staff asked to send, and how far its delivery got. Recipient and text are sealed PHI. */
@Entity
@Table(name = "outbound_message")
public class OutboundMessage {
    @Id
    @Column(name = "outbound_id")
    public String outboundId;
    @Column(name = "conversation_id")
    public String conversationId;
    @Column(name = "patient_ref")
    public String patientRef;
    public String channel;
    @Column(name = "practice_number")
    public String practiceNumber;
    @Column(name = "sealed_to")
    public String sealedTo;
    @Column(name = "sealed_text")
    public String sealedText;
    /** E-mail only: the subject, and the patient's Message-IDs it answers (In-Reply-To, References). */
    @Column(name = "sealed_subject")
    public String sealedSubject;
    @Column(name = "sealed_in_reply_to")
    public String sealedInReplyTo;
    @Column(name = "sealed_references")
    public String sealedReferences;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    @Column(name = "provider_message_id")
    public String providerMessageId;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** A confirmation of a consent change or a HELP answer: sent even to an opted-out number, in no conversation. */
    @Column(name = "consent_reply")
    public boolean consentReply;

    /** Moves to a later status; the text (and an e-mail's headers) are dropped once the carrier has it or never will. */
    public void advance(DeliveryStatus next, String reason, Instant now) {
        status = next;
        if (next == DeliveryStatus.FAILED) {
            failureReason = reason;
        }
        if (next != DeliveryStatus.QUEUED) {
            sealedText = null;
            sealedSubject = null;
            sealedInReplyTo = null;
            sealedReferences = null;
        }
        updatedAt = now;
    }
}
