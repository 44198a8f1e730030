package org.carethread.notification.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.messaging.InboundEvent;
import org.carethread.notification.repository.OutboundMessageRepository;
import org.carethread.schemas.Channels;
import org.carethread.schemas.DeliveryStatus;
import org.carethread.schemas.events.DeliveryReceipt;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/** Moves a message forward on the carrier's receipt and announces the new status; stale receipts change nothing. */
@ApplicationScoped
public class DeliveryReceiptHandler {
    private static final Logger LOG = Logger.getLogger(DeliveryReceiptHandler.class);
    private static final int REASON_LIMIT = 300;

    private final OutboundMessageRepository messages;
    private final StatusAnnouncements announcements;
    private final DeliveryMetrics metrics;

    public DeliveryReceiptHandler(OutboundMessageRepository messages, StatusAnnouncements announcements,
            DeliveryMetrics metrics) {
        this.messages = messages;
        this.announcements = announcements;
        this.metrics = metrics;
    }

    public Uni<Void> handle(Mutiny.Session session, DeliveryReceipt receipt, InboundEvent event) {
        if (receipt.carrierStatus() == null || (receipt.providerMessageId() == null && receipt.clientRef() == null)) {
            throw new IllegalArgumentException("receipt " + event.id() + " names no message or no status");
        }
        DeliveryStatus reported = DeliveryStatus.fromCarrier(receipt.carrierStatus());
        return messages.findForReceipt(session, receipt.providerMessageId(), receipt.clientRef()).chain(message -> {
            if (message == null) {
                // The carrier account may be shared with another system; its receipts are not ours to act on.
                LOG.infof("receipt %s is for carrier message %s, which this service did not send: ignored",
                        event.id(), receipt.providerMessageId());
                metrics.unmatchedReceipt();
                return Uni.createFrom().voidItem();
            }
            if (message.providerMessageId == null) {
                message.providerMessageId = receipt.providerMessageId();
            }
            if (!reported.isAfter(message.status)) {
                return Uni.createFrom().voidItem();
            }
            Instant now = Instant.now();
            message.advance(reported, failureReason(receipt), now);
            return announcements.announce(session, message, now);
        });
    }

    /** What staff read on the failed message; an e-mail's reason is a status code in words (ingestion's words). */
    private static String failureReason(DeliveryReceipt receipt) {
        String what = Channels.EMAIL.equals(receipt.channel())
                ? "the e-mail could not be delivered (a mail server returned it)"
                : "carrier reported the message " + receipt.carrierStatus();
        String reason = receipt.errorReason() == null || receipt.errorReason().isBlank() ? what
                : what + ": " + receipt.errorReason();
        return reason.length() <= REASON_LIMIT ? reason : reason.substring(0, REASON_LIMIT);
    }
}
