package org.carethread.conversation.rest;

import java.time.Instant;

/** One row of the staff inbox. The patient's address is masked here; only the audited detail read shows it. */
public record ConversationSummary(String id, String locationCode, String queue, String channel, String status,
        PatientView patient, Instant lastMessageAt, long messageCount) {
}
