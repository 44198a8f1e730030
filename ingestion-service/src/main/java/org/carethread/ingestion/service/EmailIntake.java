package org.carethread.ingestion.service;

import java.time.Instant;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.ingestion.mapping.EmailEventMapper;
import org.carethread.schemas.events.DeliveryReceipt;
import org.carethread.schemas.events.MessageReceived;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * One way in for a patient's e-mail, whether a provider's webhook or the practice mailbox brought it: read it,
 * refuse what cannot be kept, keep the contents of the attachments {@link FileKeeping} allows, seal it and accept it
 * once by its Message-ID, answering only once its files and its event are in Kafka. A mail system's report on an
 * e-mail we sent (a bounce, a delivery or read notification) comes in the same ways and is accepted once the same
 * way, but as a delivery receipt: it is never a patient's message.
 */
@ApplicationScoped
public class EmailIntake {
    private final EmailReader reader;
    private final EmailEventMapper events;
    private final FileKeeping keeping;
    private final WebhookIntake intake;
    private final Vertx vertx;

    public EmailIntake(EmailReader reader, EmailEventMapper events, FileKeeping keeping, WebhookIntake intake,
            Vertx vertx) {
        this.reader = reader;
        this.events = events;
        this.keeping = keeping;
        this.intake = intake;
        this.vertx = vertx;
    }

    public Uni<WebhookOutcome> accept(byte[] raw, Instant receivedAt) {
        // MIME parsing and archive checks take real CPU: off the event loop, back on it for the database.
        return vertx.executeBlocking(Uni.createFrom().item(() -> acceptance(raw, receivedAt))).chain(Supplier::get);
    }

    /** What to accept, worked out off the event loop: a report as its receipt, a patient's e-mail with its files. */
    private Supplier<Uni<WebhookOutcome>> acceptance(byte[] raw, Instant receivedAt) {
        ArrivedEmail arrived = reader.read(raw);
        if (arrived instanceof DeliveryReport report) {
            DeliveryReceipt receipt = events.deliveryReceipt(report, receivedAt);
            String messageRef = events.messageRef(report.messageId());
            return () -> intake.accept(receipt, messageRef);
        }
        InboundEmail email = (InboundEmail) arrived;
        FileKeeping.Kept kept = keeping.keep(events.eventIdOf(email), EmailEventMapper.offered(email));
        MessageReceived message = events.messageReceived(email, receivedAt, kept);
        return () -> intake.accept(message, kept.files());
    }
}
