package org.carethread.conversation.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reply written now to go out at {@link #sendAt}; it becomes a message then, unless someone cancels it first. */
@Entity
@Table(name = "scheduled_reply")
public class ScheduledReply {
    public static final String SCHEDULED = "scheduled";
    public static final String SENT = "sent";
    public static final String CANCELLED = "cancelled";

    @Id
    public UUID id;
    @Column(name = "conversation_id")
    public UUID conversationId;
    @Column(name = "sealed_text")
    public String sealedText;
    @Column(name = "send_at")
    public Instant sendAt;
    public String status;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_by_name")
    public String createdByName;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "template_id")
    public UUID templateId;
    @Column(name = "template_version")
    public Integer templateVersion;
    /** The message it became once sent. */
    @Column(name = "message_id")
    public UUID messageId;
    @Column(name = "cancelled_by")
    public String cancelledBy;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    public boolean isScheduled() {
        return SCHEDULED.equals(status);
    }
}
