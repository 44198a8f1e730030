package org.carethread.conversation.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One row of the staff inbox, and the answer to every staff action. The patient's address is masked here; only the
 * audited detail read shows it. The triage fields describe the latest patient message as routing saw it; none is PHI.
 *
 * @param status         unassigned, assigned, awaiting-patient, snoozed or resolved
 * @param assignee       the owner's username; null while it waits in its queue
 * @param outcome        the outcome code once resolved
 * @param snoozedUntil   when a snoozed conversation comes back
 * @param escalation     supervisor, clinical-review or call-patient once escalated, until resolved
 * @param version        changes with every change; send it back as {@code If-Match} to act only on what you saw
 * @param category       the triage category of the latest message, e.g. refill
 * @param urgency        emergency, urgent or routine
 * @param priority       critical, high, normal or low; lists sort critical first
 * @param identity       matched, review or new-contact
 * @param patientId      the directory patient, once matched
 * @param directedTo     a staff username or team:&lt;code&gt; the latest message is directed to
 * @param clockStartedAt when the response clock started
 * @param alertedAt      when the on-call staff member was alerted
 * @param onCallStaff    who was on call then; null when the whole queue was alerted
 */
public record ConversationSummary(String id, String locationCode, String queue, String channel, String status,
        String assignee, String outcome, Instant snoozedUntil, String escalation, long version, PatientView patient,
        Instant lastMessageAt, long messageCount,
        @Schema(description = "Triage category of the latest message (null before triage)",
                enumeration = { "scheduling", "cancellation", "refill", "billing", "test-results", "records-forms",
                        "clinical-question", "general" }, nullable = true) String category,
        @Schema(description = "Urgency of the latest message (null before triage)",
                enumeration = { "emergency", "urgent", "routine" }, nullable = true) String urgency,
        @Schema(description = "Where it sorts: critical first, then high, normal, low. Never drops while the"
                + " conversation is in progress", enumeration = { "critical", "high", "normal", "low" }) String priority,
        @Schema(description = "How the sender was matched to the patient directory",
                enumeration = { "matched", "review", "new-contact" }, nullable = true) String identity,
        @Schema(description = "The directory patient (opaque id), once matched", nullable = true) String patientId,
        @Schema(description = "Staff username or team:<code> the latest message is directed to; null for the queue",
                nullable = true) String directedTo,
        @Schema(description = "When the response clock started (the next opening for a message after hours)",
                nullable = true) Instant clockStartedAt,
        @Schema(description = "When the on-call staff member was alerted about an emergency", nullable = true)
        Instant alertedAt,
        @Schema(description = "Who was on call when alerted; null when nobody was and the whole queue was",
                nullable = true) String onCallStaff,
        @Schema(description = "When staff should answer the patient waiting now (the queue's response target for"
                + " its priority, in business hours where the target says so); null while nobody waits on staff",
                nullable = true) Instant responseDueAt,
        @Schema(description = "approaching (80% of the target used) or overdue; null when on time",
                enumeration = { "approaching", "overdue" }, nullable = true) String targetFlag) {
}
