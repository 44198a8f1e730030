package org.carethread.schemas.events;

import java.time.Instant;
import java.util.List;

/**
 * A resolved conversation outlived the practice's retention period with no legal hold on it, and its messages, notes
 * and history were deleted. Recorded by the audit log; what was deleted is not repeated here. Services that kept
 * records of the same messages (routing's decisions, notification's sends) delete theirs on hearing it. Topic
 * {@code conversation.events}, key {@code patientRef}.
 *
 * @param lastActivityAt the conversation's last message, from which its retention counted
 * @param retentionDays  the retention period in force when it was purged
 * @param messageEventIds the inbound message events ({@code MessageReceived} ids) of the patient's messages in it
 */
public record ConversationPurged(String conversationId, String locationCode, String patientRef, Instant lastActivityAt,
        Integer retentionDays, List<String> messageEventIds, Instant at) {
}
