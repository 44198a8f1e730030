package org.carethread.conversation.rest;

import java.time.Instant;
import java.util.List;

/** A conversation with the patient's address and every message in clear, oldest first. Reading it is audited. */
public record ConversationDetail(String id, String locationCode, String queue, String channel, String status,
        Instant openedAt, Instant lastMessageAt, PatientView patient, List<MessageView> messages) {
}
