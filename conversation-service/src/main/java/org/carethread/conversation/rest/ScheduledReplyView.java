package org.carethread.conversation.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A reply waiting for its time. {@code text} is in clear only in the audited conversation read; other answers leave it
 * out.
 */
public record ScheduledReplyView(String id, String conversationId,
        @Schema(nullable = true) String text, Instant sendAt,
        @Schema(enumeration = { "scheduled", "sent", "cancelled" }) String status, String createdBy,
        @Schema(nullable = true) String templateId, @Schema(nullable = true) Integer templateVersion,
        @Schema(nullable = true) String messageId, @Schema(nullable = true) String cancelledBy,
        @Schema(nullable = true) Instant cancelledAt) {
}
