package org.carethread.conversation.rest;

import java.time.Instant;

/**
 * One entry of a conversation's history: who did what, when and why, and the state it left the conversation in.
 *
 * @param actorId   the staff member's Keycloak subject; null when the patient or the service made the change
 * @param actorName the staff member's username, or {@code patient} / {@code system}
 * @param action    claim, assign, handoff, escalate, snooze, resolve, reopen, reply, patient-message, snooze-ended
 * @param reason    the reason given for a handoff or an escalation
 */
public record ChangeView(Instant at, String actorId, String actorName, String action, String status, String assignee,
        String queue, String outcome, String escalation, Instant snoozedUntil, String reason) {
}
