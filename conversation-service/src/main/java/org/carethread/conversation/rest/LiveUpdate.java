package org.carethread.conversation.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Something changed in a conversation the staff member may see, or a heartbeat that keeps the stream open. Carries no
 * PHI: the app reads the conversation (an audited read) to show what changed.
 *
 * @param type what happened: opened, message-added, replied, assigned, status-changed, escalated, note-added,
 *             delivery-updated; or heartbeat
 */
public record LiveUpdate(
        @Schema(examples = "message-added") String type,
        @Schema(nullable = true) String conversationId,
        @Schema(nullable = true) String locationCode,
        Instant at) {
    public static final String HEARTBEAT = "heartbeat";
}
