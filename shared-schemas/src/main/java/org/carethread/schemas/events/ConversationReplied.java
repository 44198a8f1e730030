package org.carethread.schemas.events;

import java.time.Instant;

/** A staff member answered the patient. Topic {@code conversation.events}, key {@code patientRef}. */
public record ConversationReplied(String conversationId, String messageId, String staffUserId, String locationCode,
        String patientRef, Instant at) {
}
