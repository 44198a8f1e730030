package org.carethread.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.messaging.Inbox;
import org.carethread.notification.service.OutboundDelivery;
import org.carethread.notification.service.OutboundRequestHandler;
import org.carethread.schemas.events.OutboundRequested;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Reads send requests from outbound.requests: records each once, then sends it after that commit. The offset is
 * acknowledged only after the send was attempted, so one patient's messages go out in the order they were asked for.
 */
@ApplicationScoped
public class OutboundRequestConsumer {
    public static final String CHANNEL = "outbound-requests";
    public static final String CONSUMER = "notification-service";

    private final Inbox inbox;
    private final OutboundRequestHandler handler;
    private final OutboundDelivery delivery;
    private final ObjectMapper json;

    public OutboundRequestConsumer(Inbox inbox, OutboundRequestHandler handler, OutboundDelivery delivery,
            ObjectMapper json) {
        this.inbox = inbox;
        this.handler = handler;
        this.delivery = delivery;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> record) {
        return inbox.settle(record, CONSUMER, event -> {
            OutboundRequested request = event.dataAs(json, OutboundRequested.class);
            return inbox.once(CONSUMER, event, session -> handler.handle(session, request, event))
                    .chain(() -> delivery.sendFirst(request.outboundId()));
        });
    }
}
