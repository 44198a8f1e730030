package org.carethread.schemas.events;

import java.time.Instant;

/**
 * A conversation moved in its lifecycle (unassigned, assigned, awaiting-patient, snoozed, resolved). Topic
 * {@code conversation.events}, key {@code patientRef}.
 *
 * @param cause       what moved it, e.g. resolve, snooze, reopen, reply, patient-message, snooze-ended
 * @param outcome     the outcome code when resolved
 * @param staffUserId Keycloak subject of the staff member; null when the patient or the snooze timer moved it
 */
public record ConversationStatusChanged(String conversationId, String locationCode, String patientRef, String status,
        String previousStatus, String cause, String outcome, Instant snoozedUntil, String staffUserId, Instant at) {
}
