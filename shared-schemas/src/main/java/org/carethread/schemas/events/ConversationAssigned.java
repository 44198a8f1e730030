package org.carethread.schemas.events;

import java.time.Instant;

/**
 * Who owns a conversation changed: claimed, assigned to a colleague or a queue, or handed off. The reason of a
 * handoff is free text that may hold PHI, so it stays in the conversation's sealed history and never travels here.
 * Topic {@code conversation.events}, key {@code patientRef}.
 *
 * @param action      claim, assign or handoff
 * @param assignee    the new owner's username, null when the conversation went back to a queue
 * @param staffUserId Keycloak subject of the staff member who made the change
 */
public record ConversationAssigned(String conversationId, String locationCode, String patientRef, String queue,
        String assignee, String previousAssignee, String action, String staffUserId, Instant at) {
}
