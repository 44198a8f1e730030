package org.carethread.messaging;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Writes events into the outbox table inside the caller's transaction, so an event exists if and only if the change
 * it announces was committed. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {
    /** PostgreSQL's notification channel on which {@link OutboxRelay} hears that rows were committed. */
    static final String NOTIFICATION_CHANNEL = "carethread_outbox";

    private final ObjectMapper json;

    public Outbox(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param key     Kafka key: the patient's blind-indexed address or id, so one patient's events stay in order
     * @param subject CloudEvents subject, usually the conversation id (never PHI)
     * @param data    event record; PHI fields must already be sealed
     */
    public Uni<Void> add(Mutiny.Session session, String topic, String type, String key, String subject, Object data) {
        OutboxMessage message = new OutboxMessage();
        message.eventId = UUID.randomUUID().toString();
        message.topic = topic;
        message.eventType = type;
        message.messageKey = key;
        message.subject = subject;
        message.occurredAt = Instant.now();
        try {
            message.payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("event " + type + " cannot be serialised", e));
        }
        // Delivered when the transaction commits, never if it rolls back; several in one transaction arrive as one.
        return session.persist(message)
                .chain(() -> session.createNativeQuery("notify " + NOTIFICATION_CHANNEL).executeUpdate())
                .replaceWithVoid();
    }
}
