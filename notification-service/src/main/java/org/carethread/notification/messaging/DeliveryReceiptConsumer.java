package org.carethread.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.messaging.Inbox;
import org.carethread.notification.service.DeliveryReceiptHandler;
import org.carethread.schemas.events.DeliveryReceipt;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/** Reads the carrier's delivery receipts from inbound.receipts, each at most once. */
@ApplicationScoped
public class DeliveryReceiptConsumer {
    public static final String CHANNEL = "inbound-receipts";
    public static final String CONSUMER = "notification-service";

    private final Inbox inbox;
    private final DeliveryReceiptHandler handler;
    private final ObjectMapper json;

    public DeliveryReceiptConsumer(Inbox inbox, DeliveryReceiptHandler handler, ObjectMapper json) {
        this.inbox = inbox;
        this.handler = handler;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> record) {
        return inbox.settle(record, CONSUMER, event -> inbox.once(CONSUMER, event,
                session -> handler.handle(session, event.dataAs(json, DeliveryReceipt.class), event)));
    }
}
