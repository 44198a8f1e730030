package org.carethread.schemas.events;

import java.time.Instant;

import org.carethread.schemas.DeliveryStatus;

/**
 * Delivery progress of an outbound message. Topic {@code outbound.status}, key {@code patientRef}.
 *
 * @param reason why it failed, without PHI (null unless failed)
 */
public record OutboundStatus(String outboundId, String conversationId, String patientRef, DeliveryStatus status,
        String providerMessageId, String reason, Instant at) {
}
