package org.carethread.conversation.rest;

import java.time.Instant;

/**
 * One entry of a conversation's history: who did what, when and why, and the state it left the conversation in.
 *
 * @param actorId   the staff member's Keycloak subject; null when the patient or the service made the change, or
 *                  when staff linked a patient in routing (known by username only)
 * @param actorName the staff member's username, or {@code patient} / {@code system}
 * @param action    claim, assign, handoff, escalate, snooze, resolve, reopen, reply, patient-message, snooze-ended,
 *                  on-call-alerted, patient-linked, patient-unlinked
 * @param reason    the reason given for a handoff or an escalation; what happened, for the on-call alert and links
 */
public record ChangeView(Instant at, String actorId, String actorName, String action, String status, String assignee,
        String queue, String outcome, String escalation, Instant snoozedUntil, String reason) {
}
