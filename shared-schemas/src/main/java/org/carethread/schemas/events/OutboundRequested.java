package org.carethread.schemas.events;

import java.time.Instant;

/**
 * Send this to a patient. Topic {@code outbound.requests}, key {@code patientRef}.
 *
 * @param outboundId     the message id in the conversation; also the idempotency key of the send, so a
 *                       redelivered request never texts the patient twice
 * @param practiceNumber the number the practice sends from (the one the patient wrote to)
 */
public record OutboundRequested(String outboundId, String conversationId, String channel, String patientRef,
        String sealedTo, String practiceNumber, String sealedText, String requestedBy, Instant requestedAt) {
}
