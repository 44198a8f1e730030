package org.carethread.schemas.events;

import java.time.Instant;

/** A new conversation with a patient. Topic {@code conversation.events}, key {@code patientRef}. */
public record ConversationOpened(String conversationId, String locationCode, String queue, String channel,
        String patientRef, Instant openedAt) {
}
