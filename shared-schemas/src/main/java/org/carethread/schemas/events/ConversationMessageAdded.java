package org.carethread.schemas.events;

import java.time.Instant;

/**
 * A message joined a conversation. Topic {@code conversation.events}, key {@code patientRef}.
 *
 * @param direction {@code inbound} (from the patient) or {@code outbound} (from staff)
 */
public record ConversationMessageAdded(String conversationId, String messageId, String direction, String channel,
        String locationCode, String patientRef, Instant at) {
}
