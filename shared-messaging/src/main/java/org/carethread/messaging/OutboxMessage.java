package org.carethread.messaging;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event waiting in the outbox table to be published by {@link OutboxRelay}. Its payload is already sealed. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    @Column(name = "event_id")
    public String eventId;
    public String topic;
    @Column(name = "event_type")
    public String eventType;
    public String subject;
    @Column(name = "message_key")
    public String messageKey;
    public String payload;
    @Column(name = "occurred_at")
    public Instant occurredAt;
}
