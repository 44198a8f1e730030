package org.carethread.conversation.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.service.RoutingDecisionHandler;
import org.carethread.messaging.Inbox;
import org.carethread.schemas.events.RoutingDecided;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/** Reads routing decisions from Kafka; each is handled once and acknowledged only after its transaction committed. */
@ApplicationScoped
public class RoutingDecisionConsumer {
    public static final String CHANNEL = "routing-decisions";
    public static final String CONSUMER = "conversation-service";

    private final Inbox inbox;
    private final RoutingDecisionHandler handler;
    private final ObjectMapper json;

    public RoutingDecisionConsumer(Inbox inbox, RoutingDecisionHandler handler, ObjectMapper json) {
        this.inbox = inbox;
        this.handler = handler;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> record) {
        return inbox.settle(record, CONSUMER, event -> inbox.once(CONSUMER, event,
                session -> handler.handle(session, event.dataAs(json, RoutingDecided.class), event)));
    }
}
