package org.carethread.schemas.events;

import java.time.Instant;

/**
 * Where an inbound message goes, and why. Topic {@code routing.decisions}, key {@code patientRef}. Carries the
 * message itself (sealed) so the conversation service needs no other source.
 *
 * @param messageEventId the id of the {@link MessageReceived} event it decides on
 * @param locationCode   the practice location ({@code north}, {@code south}) that owns the number texted
 * @param queue          the queue the message lands in
 * @param reason         a sentence for staff: why it is there
 */
public record RoutingDecided(String messageEventId, String providerMessageId, String channel, String patientRef,
        String sealedFrom, String practiceNumber, String sealedText, Instant receivedAt, String locationCode,
        String queue, String reason, Instant decidedAt) {
}
