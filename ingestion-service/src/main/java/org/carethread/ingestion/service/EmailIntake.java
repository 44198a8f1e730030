package org.carethread.ingestion.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.ingestion.mapping.EmailEventMapper;
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
        return vertx.executeBlocking(Uni.createFrom().item(() -> read(raw, receivedAt)))
                .chain(read -> read.report() != null
                        ? intake.accept(events.deliveryReceipt(read.report(), receivedAt),
                                events.messageRef(read.report().messageId()))
                        : intake.accept(read.message(), read.files()));
    }

    private Read read(byte[] raw, Instant receivedAt) {
        ArrivedEmail arrived = reader.read(raw);
        if (arrived instanceof InboundEmail email) {
            FileKeeping.Kept kept = keeping.keep(events.eventIdOf(email), EmailEventMapper.offered(email));
            return new Read(null, events.messageReceived(email, receivedAt, kept), kept.files());
        }
        return new Read((DeliveryReport) arrived, null, List.of());
    }

    /** A mail system's report; or a patient's e-mail, its event and the files whose contents are kept, ahead of it. */
    private record Read(DeliveryReport report, MessageReceived message, List<ReceivedFile> files) {
    }
}
