package org.carethread.conversation.rest;

import java.time.Instant;

/**
 * One row of the staff inbox, and the answer to every staff action. The patient's address is masked here; only the
 * audited detail read shows it.
 *
 * @param status       unassigned, assigned, awaiting-patient, snoozed or resolved
 * @param assignee     the owner's username; null while it waits in its queue
 * @param outcome      the outcome code once resolved
 * @param snoozedUntil when a snoozed conversation comes back
 * @param escalation   supervisor, clinical-review or call-patient once escalated, until resolved
 * @param version      changes with every change; send it back as {@code If-Match} to act only on what you saw
 */
public record ConversationSummary(String id, String locationCode, String queue, String channel, String status,
        String assignee, String outcome, Instant snoozedUntil, String escalation, long version, PatientView patient,
        Instant lastMessageAt, long messageCount) {
}
