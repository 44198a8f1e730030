package org.carethread.conversation.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.service.OnCallAlertHandler;
import org.carethread.messaging.Inbox;
import org.carethread.schemas.events.OnCallAlerted;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/** Reads on-call alerts from Kafka; each is applied once and acknowledged only after its transaction committed. */
@ApplicationScoped
public class StaffAlertConsumer {
    public static final String CHANNEL = "staff-alerts";

    private final Inbox inbox;
    private final OnCallAlertHandler handler;
    private final ObjectMapper json;

    public StaffAlertConsumer(Inbox inbox, OnCallAlertHandler handler, ObjectMapper json) {
        this.inbox = inbox;
        this.handler = handler;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> record) {
        return inbox.settle(record, RoutingDecisionConsumer.CONSUMER, event -> inbox.once(
                RoutingDecisionConsumer.CONSUMER, event,
                session -> handler.handle(session, event.dataAs(json, OnCallAlerted.class), event)));
    }
}
