package org.carethread.conversation.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.service.MediaHandler;
import org.carethread.messaging.Inbox;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.events.MediaReceived;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Reads the pieces of files patients sent from Kafka; each is kept once and acknowledged only after its transaction
 * committed. Another event type on the topic is dead-lettered, for operators to see.
 */
@ApplicationScoped
public class MediaConsumer {
    public static final String CHANNEL = "inbound-media";

    private final Inbox inbox;
    private final MediaHandler handler;
    private final ObjectMapper json;

    public MediaConsumer(Inbox inbox, MediaHandler handler, ObjectMapper json) {
        this.inbox = inbox;
        this.handler = handler;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> record) {
        return inbox.settle(record, RoutingDecisionConsumer.CONSUMER, event -> inbox.once(
                RoutingDecisionConsumer.CONSUMER, event, session -> EventTypes.MEDIA_RECEIVED.equals(event.type())
                        ? handler.handle(session, event.dataAs(json, MediaReceived.class), event)
                        : Uni.createFrom().failure(new IllegalArgumentException("event " + event.id() + " on "
                                + CHANNEL + " has an unexpected type " + event.type()))));
    }
}
