package org.carethread.schemas.events;

import java.time.Instant;

/**
 * A patient message accepted from a carrier webhook. Topic {@code inbound.messages}, key {@code patientRef}.
 *
 * @param providerMessageId the carrier's id (Vonage {@code message_uuid}); the event id derives from it
 * @param channel           {@code sms}
 * @param patientRef        blind index of the sender's address
 * @param sealedFrom        sender's address (E.164 without '+', as the carrier sends it)
 * @param practiceNumber    the practice number the patient wrote to (not PHI)
 * @param sealedText        message text
 * @param receivedAt        when the carrier received it
 */
public record MessageReceived(String providerMessageId, String channel, String patientRef, String sealedFrom,
        String practiceNumber, String sealedText, Instant receivedAt) {
}
