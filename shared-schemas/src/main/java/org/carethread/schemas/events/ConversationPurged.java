package org.carethread.schemas.events;

import java.time.Instant;

/**
 * A resolved conversation outlived the practice's retention period with no legal hold on it, and its messages, notes
 * and history were deleted. Recorded by the audit log; what was deleted is not repeated here. Topic
 * {@code conversation.events}, key {@code patientRef}.
 *
 * @param lastActivityAt the conversation's last message, from which its retention counted
 * @param retentionDays  the retention period in force when it was purged
 */
public record ConversationPurged(String conversationId, String locationCode, String patientRef, Instant lastActivityAt,
        Integer retentionDays, Instant at) {
}
