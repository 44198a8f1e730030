package org.carethread.schemas.events;

import java.time.Instant;

/**
 * Staff escalated a conversation: to a supervisor, to a provider for clinical review, or as a call-the-patient task.
 * The reason stays in the sealed history. Topic {@code conversation.events}, key {@code patientRef}.
 *
 * @param kind supervisor, clinical-review or call-patient
 */
public record ConversationEscalated(String conversationId, String locationCode, String patientRef, String kind,
        String staffUserId, Instant at) {
}
