package org.carethread.notification.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.messaging.InboundEvent;
import org.carethread.notification.repository.OutboundMessage;
import org.carethread.notification.repository.OutboundMessageRepository;
import org.carethread.schemas.Channels;
import org.carethread.schemas.DeliveryStatus;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.schemas.events.OutboundRequested;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * Records a send request as QUEUED. Together with the inbox row written in the same transaction, this row is what
 * keeps a redelivered or repeated request from texting the patient twice: the send itself happens after commit.
 */
@ApplicationScoped
public class OutboundRequestHandler {
    private static final Logger LOG = Logger.getLogger(OutboundRequestHandler.class);

    private final OutboundMessageRepository messages;
    private final StatusAnnouncements announcements;
    private final PhiCipher cipher;
    private final DeliveryPolicy policy;

    public OutboundRequestHandler(OutboundMessageRepository messages, StatusAnnouncements announcements,
            PhiCipher cipher, DeliveryPolicy policy) {
        this.messages = messages;
        this.announcements = announcements;
        this.cipher = cipher;
        this.policy = policy;
    }

    public Uni<Void> handle(Mutiny.Session session, OutboundRequested request, InboundEvent event) {
        requireValid(request, event);
        return messages.find(session, request.outboundId()).chain(known -> {
            if (known != null) {
                LOG.infof("outbound %s was already requested (event %s repeats it): not sent again",
                        request.outboundId(), event.id());
                return Uni.createFrom().voidItem();
            }
            Instant now = Instant.now();
            OutboundMessage message = queued(request, now);
            if (!Channels.SMS.equals(request.channel()) && !Channels.EMAIL.equals(request.channel())) {
                message.advance(DeliveryStatus.FAILED, "channel is not supported for outbound delivery", now);
                return messages.add(session, message).chain(() -> announcements.announce(session, message, now));
            }
            return messages.add(session, message);
        });
    }

    private OutboundMessage queued(OutboundRequested request, Instant now) {
        OutboundMessage message = new OutboundMessage();
        message.outboundId = request.outboundId();
        message.conversationId = request.conversationId();
        message.patientRef = request.patientRef();
        message.channel = request.channel();
        message.practiceNumber = request.practiceNumber();
        message.sealedTo = request.sealedTo();
        message.sealedText = request.sealedText();
        message.sealedSubject = request.sealedSubject();
        message.sealedInReplyTo = request.sealedInReplyTo();
        message.sealedReferences = request.sealedReferences();
        message.status = DeliveryStatus.QUEUED;
        message.attempts = 0;
        // The immediate send follows this commit; the sweeper steps in only if that never happened.
        message.nextAttemptAt = now.plus(policy.retryDelay());
        message.requestedAt = request.requestedAt() == null ? now : request.requestedAt();
        message.updatedAt = now;
        return message;
    }

    /** Rejects a request that could never be sent; the message names fields, never their values. */
    private void requireValid(OutboundRequested request, InboundEvent event) {
        require(request.outboundId(), 64, "outboundId", event);
        require(request.conversationId(), 64, "conversationId", event);
        require(request.patientRef(), 100, "patientRef", event);
        require(request.channel(), 20, "channel", event);
        require(request.practiceNumber(), 254, "practiceNumber", event);
        require(request.sealedTo(), Integer.MAX_VALUE, "sealedTo", event);
        require(request.sealedText(), Integer.MAX_VALUE, "sealedText", event);
        // Fails now, not at send time, if the PHI was sealed with a key this service does not hold.
        cipher.open(request.sealedTo());
        cipher.open(request.sealedText());
    }

    private static void require(String value, int maxLength, String field, InboundEvent event) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException("outbound request " + event.id() + " has a missing or oversized "
                    + field);
        }
    }
}
