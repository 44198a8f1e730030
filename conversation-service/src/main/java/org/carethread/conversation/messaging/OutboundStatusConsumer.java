package org.carethread.conversation.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.service.DeliveryStatusHandler;
import org.carethread.messaging.Inbox;
import org.carethread.schemas.events.OutboundStatus;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/** Reads delivery progress of replies from Kafka; each status is applied once. */
@ApplicationScoped
public class OutboundStatusConsumer {
    public static final String CHANNEL = "outbound-status";

    private final Inbox inbox;
    private final DeliveryStatusHandler handler;
    private final ObjectMapper json;

    public OutboundStatusConsumer(Inbox inbox, DeliveryStatusHandler handler, ObjectMapper json) {
        this.inbox = inbox;
        this.handler = handler;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> record) {
        return inbox.settle(record, RoutingDecisionConsumer.CONSUMER, event -> inbox.once(
                RoutingDecisionConsumer.CONSUMER, event,
                session -> handler.handle(session, event.dataAs(json, OutboundStatus.class))));
    }
}
