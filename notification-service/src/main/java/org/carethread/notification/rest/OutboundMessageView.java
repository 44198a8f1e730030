package org.carethread.notification.rest;

import java.time.Instant;

import org.carethread.schemas.DeliveryStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Delivery progress of one outbound message, for operators. Holds no PHI: no number, no text. */
@Schema(name = "OutboundMessage", description = "Delivery progress of one outbound message (no PHI)")
public record OutboundMessageView(
        String outboundId,
        String conversationId,
        String channel,
        DeliveryStatus status,
        @Schema(description = "the carrier's message id once it accepted the message") String providerMessageId,
        @Schema(description = "carrier calls made so far") int attempts,
        @Schema(description = "why it failed, without PHI") String failureReason,
        Instant requestedAt,
        Instant updatedAt) {
}
