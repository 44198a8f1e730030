package org.carethread.conversation.rest;

import java.time.Instant;
import java.util.List;

/**
 * A conversation with the patient's address and every message in clear, oldest first, and {@code routing}: why it
 * is here, its internal {@code notes} (never sent to the patient) and the replies still scheduled to go out. Reading
 * it is audited. The workflow and triage fields are those of {@link ConversationSummary}.
 */
public record ConversationDetail(String id, String locationCode, String queue, String channel, String status,
        String assignee, String outcome, Instant snoozedUntil, String escalation, long version, Instant openedAt,
        Instant lastMessageAt, PatientView patient, List<MessageView> messages, String category, String urgency,
        String priority, String identity, String patientId, String directedTo, Instant clockStartedAt,
        Instant alertedAt, String onCallStaff, RoutingView routing, List<NoteView> notes,
        List<ScheduledReplyView> scheduledReplies, Instant responseDueAt, String targetFlag) {
}
