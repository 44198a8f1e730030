package org.carethread.conversation.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.carethread.schemas.DeliveryStatus;

/** One message in a conversation, from the patient (inbound) or from staff (outbound). The text is stored sealed. */
@Entity
@Table(name = "message")
public class Message {
    public static final String INBOUND = "inbound";
    public static final String OUTBOUND = "outbound";
    /** Automatic replies, sent on routing's decision without a staff member. */
    public static final String SAFETY = "safety";
    public static final String AFTER_HOURS = "after-hours";
    /** How an automatic reply's author is shown. */
    public static final String AUTOMATIC_AUTHOR = "CareThread (automatic)";

    @Id
    public UUID id;
    @Column(name = "conversation_id")
    public UUID conversationId;
    public String direction;
    public String channel;
    @Column(name = "sealed_text")
    public String sealedText;
    /** E-mail only: the subject, sealed. */
    @Column(name = "sealed_subject")
    public String sealedSubject;
    /** E-mail only: the mail's Message-ID (the patient's, or ours on a reply), sealed, to answer in its thread. */
    @Column(name = "sealed_email_message_id")
    public String sealedEmailMessageId;
    /** E-mail only: the blind index of its Message-ID, which a later mail answering it names. */
    @Column(name = "email_message_ref")
    public String emailMessageRef;
    /** E-mail replies only: the patient's Message-ID it answers, sealed. */
    @Column(name = "sealed_email_in_reply_to")
    public String sealedEmailInReplyTo;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_status")
    public DeliveryStatus deliveryStatus;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "provider_message_id")
    public String providerMessageId;
    @Column(name = "source_event_id")
    public String sourceEventId;
    @Column(name = "sent_by")
    public String sentBy;
    @Column(name = "sent_by_name")
    public String sentByName;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    /** safety or after-hours for an automatic reply; null for the patient's messages and staff replies. */
    @Column(name = "auto_reply_kind")
    public String autoReplyKind;
    /** The template (and its version) a staff reply was written from; null otherwise. */
    @Column(name = "template_id")
    public UUID templateId;
    @Column(name = "template_version")
    public Integer templateVersion;
    /** Whether its words are in message_term; false only for messages stored before search existed, until indexed. */
    @Column(name = "terms_indexed")
    public boolean termsIndexed;

    public boolean isOutbound() {
        return OUTBOUND.equals(direction);
    }
}
