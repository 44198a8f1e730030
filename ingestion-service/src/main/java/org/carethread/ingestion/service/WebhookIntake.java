package org.carethread.ingestion.service;

import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.ingestion.messaging.CarrierEventPublisher;
import org.carethread.ingestion.repository.AcceptedWebhookRepository;
import org.carethread.ingestion.service.WebhookRejectedException.Reason;
import org.carethread.schemas.Channels;
import org.carethread.schemas.events.DeliveryReceipt;
import org.carethread.schemas.events.MessageReceived;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

/**
 * Accepts each carrier webhook once. In one transaction it records the webhook and publishes its event, committing
 * only after Kafka acknowledged it: if Kafka fails the record rolls back and the carrier, told 503, retries; if the
 * webhook was accepted before, nothing is published again.
 */
@ApplicationScoped
public class WebhookIntake {
    private static final Logger LOG = Logger.getLogger(WebhookIntake.class);

    private final Mutiny.SessionFactory sessions;
    private final AcceptedWebhookRepository acceptedWebhooks;
    private final CarrierEventPublisher publisher;
    private final WebhookMetrics metrics;

    public WebhookIntake(Mutiny.SessionFactory sessions, AcceptedWebhookRepository acceptedWebhooks,
            CarrierEventPublisher publisher, WebhookMetrics metrics) {
        this.sessions = sessions;
        this.acceptedWebhooks = acceptedWebhooks;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /**
     * An SMS is known by the carrier's id, an e-mail by its Message-ID's blind index, a voicemail by its recording's
     * id: each kind apart.
     */
    public Uni<WebhookOutcome> accept(MessageReceived message) {
        return accept(message, List.of());
    }

    /** A message with the files that came with it: all of them in Kafka, or none accepted. */
    public Uni<WebhookOutcome> accept(MessageReceived message, List<ReceivedFile> files) {
        WebhookKind kind = switch (message.channel()) {
            case Channels.EMAIL -> WebhookKind.EMAIL;
            case Channels.VOICEMAIL -> WebhookKind.VOICEMAIL;
            default -> WebhookKind.INBOUND;
        };
        return acceptOnce(kind, message.providerMessageId(), kind.tag(), () -> publisher.publish(message, files));
    }

    /** Each status of a message is its own webhook: "delivered" after "submitted" is news, a second "delivered" is not. */
    public Uni<WebhookOutcome> accept(DeliveryReceipt receipt) {
        return acceptOnce(WebhookKind.STATUS, receipt.providerMessageId(),
                WebhookKind.STATUS.tag() + ":" + receipt.carrierStatus(), () -> publisher.publish(receipt));
    }

    /**
     * A mail system's report on one of our e-mails is a mail like a patient's: accepted once by its own Message-ID
     * (blind), in the same record as every e-mail.
     */
    public Uni<WebhookOutcome> accept(DeliveryReceipt emailReceipt, String reportRef) {
        return acceptOnce(WebhookKind.EMAIL, reportRef, WebhookKind.EMAIL.tag(),
                () -> publisher.publish(emailReceipt));
    }

    private Uni<WebhookOutcome> acceptOnce(WebhookKind kind, String providerMessageId, String dedupKind,
            Supplier<Uni<Void>> publish) {
        return orRetryLater(kind, sessions.withTransaction(session -> acceptedWebhooks.claim(session,
                providerMessageId, dedupKind)
                .chain(isNew -> isNew ? published(kind, publish) : Uni.createFrom().item(WebhookOutcome.DUPLICATE))));
    }

    /**
     * A fault of the database, Kafka or a carrier's API, as the carrier hears it: nothing was accepted, retry later.
     * A refusal stays what it is.
     */
    static <T> Uni<T> orRetryLater(WebhookKind kind, Uni<T> work) {
        return work.onFailure(failure -> !(failure instanceof WebhookRejectedException)).transform(failure -> {
            // The class name only: driver and client messages can quote parameter values.
            LOG.warnf("%s webhook not accepted, the carrier will retry: %s", kind.tag(), failure.getClass().getName());
            return new WebhookRejectedException(Reason.UNAVAILABLE, "The message could not be stored durably just"
                    + " now. Nothing was accepted; retry later.");
        });
    }

    private Uni<WebhookOutcome> published(WebhookKind kind, Supplier<Uni<Void>> publish) {
        Timer.Sample sample = metrics.startPublish();
        return publish.get()
                .invoke(() -> metrics.stopPublish(sample, kind))
                .replaceWith(WebhookOutcome.ACCEPTED);
    }
}
