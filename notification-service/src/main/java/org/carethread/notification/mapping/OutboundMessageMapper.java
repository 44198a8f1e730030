package org.carethread.notification.mapping;

import java.time.Instant;

import org.carethread.notification.repository.OutboundMessage;
import org.carethread.notification.rest.OutboundMessageView;
import org.carethread.schemas.events.OutboundStatus;

/** Turns the stored message into what leaves the service: the status event and the API view, both without PHI. */
public final class OutboundMessageMapper {
    private OutboundMessageMapper() {
    }

    public static OutboundStatus toStatusEvent(OutboundMessage message, Instant at) {
        return new OutboundStatus(message.outboundId, message.conversationId, message.patientRef, message.status,
                message.providerMessageId, message.failureReason, at);
    }

    public static OutboundMessageView toView(OutboundMessage message) {
        return new OutboundMessageView(message.outboundId, message.conversationId, message.channel, message.status,
                message.providerMessageId, message.attempts, message.failureReason, message.requestedAt,
                message.updatedAt);
    }
}
