package org.carethread.messaging;

import java.time.Duration;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * Idempotent consumption. {@link #settle} runs a handler for one Kafka record with bounded retries, acknowledges
 * the offset only after the handler's transaction committed, and hands a record that keeps failing to the
 * channel's dead-letter topic. {@link #once} makes the effect happen at most once per (consumer, event id).
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final int ATTEMPTS = 4;

    private final Mutiny.SessionFactory sessions;

    public Inbox(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /**
     * Runs {@code effect} in a transaction together with the record that this consumer saw this event; if the
     * record already exists (a redelivery), nothing happens.
     */
    public Uni<Void> once(String consumer, InboundEvent event, Function<Mutiny.Session, Uni<Void>> effect) {
        return sessions.withTransaction(session -> session
                .createNativeQuery("insert into processed_event (consumer, event_id) values (:consumer, :eventId)"
                        + " on conflict do nothing")
                .setParameter("consumer", consumer)
                .setParameter("eventId", event.id())
                .executeUpdate()
                .chain(inserted -> inserted == 1 ? effect.apply(session) : Uni.createFrom().voidItem()));
    }

    /** Reads the record as a CloudEvent, handles it with retries, then acks, or nacks to the dead-letter topic. */
    public Uni<Void> settle(Message<String> record, String consumer, Function<InboundEvent, Uni<Void>> handler) {
        InboundEvent event;
        try {
            event = InboundEvent.of(record);
        } catch (IllegalArgumentException notAnEvent) {
            LOG.warnf("%s: dead-lettering a record: %s", consumer, notAnEvent.getMessage());
            return Uni.createFrom().completionStage(record.nack(notAnEvent));
        }
        return Uni.createFrom().deferred(() -> handler.apply(event))
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).atMost(ATTEMPTS - 1)
                .chain(() -> Uni.createFrom().completionStage(record.ack()))
                .onFailure().recoverWithUni(failure -> {
                    LOG.errorf("%s: event %s (%s) failed %d times, dead-lettered: %s", consumer, event.id(),
                            event.type(), ATTEMPTS, failure.getClass().getName());
                    return Uni.createFrom().completionStage(record.nack(failure));
                });
    }
}
