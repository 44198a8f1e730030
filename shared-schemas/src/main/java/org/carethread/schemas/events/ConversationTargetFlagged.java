package org.carethread.schemas.events;

import java.time.Instant;

/**
 * A patient waiting on staff is close to (approaching) or past (overdue) the response target of the conversation's
 * queue and priority, counted in the location's business hours where the target says so. Raised once per flag per
 * wait; supervisors watch these. Topic {@code conversation.events}, key {@code patientRef}.
 *
 * @param flag           approaching (80% of the target used) or overdue
 * @param assignee       the owner's username; null while it waits in its queue
 * @param clockStartedAt when the patient's wait started counting
 * @param dueAt          when staff should have answered
 */
public record ConversationTargetFlagged(String conversationId, String locationCode, String patientRef, String queue,
        String priority, String assignee, String flag, Instant clockStartedAt, Instant dueAt, Instant at) {
}
