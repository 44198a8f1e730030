package org.carethread.schemas.events;

import java.time.Instant;
import java.util.List;

/**
 * A staff member added an internal note to a conversation; the colleagues it mentions are to be told. Notes are never
 * sent to the patient, and their text stays sealed in conversation-service. Topic {@code conversation.events}, key
 * {@code patientRef}.
 *
 * @param mentions the usernames the note mentions (@username), each once; empty when none
 */
public record ConversationNoteAdded(String conversationId, String locationCode, String patientRef, String noteId,
        String staffUserId, String staffUsername, List<String> mentions, Instant at) {
}
