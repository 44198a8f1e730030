package org.carethread.ingestion.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.ingestion.mapping.EmailEventMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * One way in for a patient's e-mail, whether a provider's webhook or the practice mailbox brought it: read it,
 * refuse what cannot be kept, seal it and accept it once by its Message-ID, answering only once its event is in
 * Kafka. A mail system's report on an e-mail we sent (a bounce, a delivery or read notification) comes in the same
 * ways and is accepted once the same way, but as a delivery receipt: it is never a patient's message.
 */
@ApplicationScoped
public class EmailIntake {
    private final EmailReader reader;
    private final EmailEventMapper events;
    private final WebhookIntake intake;
    private final Vertx vertx;

    public EmailIntake(EmailReader reader, EmailEventMapper events, WebhookIntake intake, Vertx vertx) {
        this.reader = reader;
        this.events = events;
        this.intake = intake;
        this.vertx = vertx;
    }

    public Uni<WebhookOutcome> accept(byte[] raw, Instant receivedAt) {
        // MIME parsing and archive checks take real CPU: off the event loop, back on it for the database.
        return vertx.executeBlocking(Uni.createFrom().item(() -> reader.read(raw)))
                .chain(email -> email instanceof DeliveryReport report
                        ? intake.accept(events.deliveryReceipt(report, receivedAt),
                                events.messageRef(report.messageId()))
                        : intake.accept(events.messageReceived((InboundEmail) email, receivedAt)));
    }
}
