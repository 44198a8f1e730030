package org.carethread.schemas.events;

import java.time.Instant;

import org.carethread.schemas.DeliveryStatus;

/**
 * A reply in a conversation moved forward in delivery (submitted, delivered, failed), as staff see it on the message.
 * Topic {@code conversation.events}, key {@code patientRef}; carries no PHI (a failure's reason stays with the message).
 */
public record ConversationDeliveryUpdated(String conversationId, String messageId, String locationCode,
        String patientRef, DeliveryStatus status, Instant at) {
}
