package org.carethread.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.messaging.Inbox;
import org.carethread.notification.service.SenderQueues;
import org.carethread.notification.service.OutboundRequestHandler;
import org.carethread.schemas.events.OutboundRequested;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Reads send requests from outbound.requests: records each once as QUEUED, then wakes its practice number's queue
 * and acknowledges. The queue sends oldest request first at the number's pace, so one patient's messages still go
 * out in the order they were asked for, and a number waiting for its slot holds up no other number on the partition.
 */
@ApplicationScoped
public class OutboundRequestConsumer {
    public static final String CHANNEL = "outbound-requests";
    public static final String CONSUMER = "notification-service";

    private final Inbox inbox;
    private final OutboundRequestHandler handler;
    private final SenderQueues queues;
    private final ObjectMapper json;

    public OutboundRequestConsumer(Inbox inbox, OutboundRequestHandler handler, SenderQueues queues,
            ObjectMapper json) {
        this.inbox = inbox;
        this.handler = handler;
        this.queues = queues;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> record) {
        return inbox.settle(record, CONSUMER, event -> {
            OutboundRequested request = event.dataAs(json, OutboundRequested.class);
            return inbox.once(CONSUMER, event, session -> handler.handle(session, request, event))
                    .invoke(() -> queues.wake(request.practiceNumber()));
        });
    }
}
