package org.carethread.conversation.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why the conversation is where it is: routing's decision on the latest patient message. Part of the audited detail
 * read only, because the triage reasons quote the message.
 *
 * @param reason        routing's sentence for staff
 * @param ruleId        the routing rule that fired; null when the location's default applied
 * @param rulesVersion  the version of the routing rules the decision was made with
 * @param triageReasons what led the classifier to its category and urgency
 * @param autoReplyKind the automatic reply the patient got for it: safety, after-hours or null
 * @param replyLanguage the patient's language for replies (ISO 639-1)
 */
@Schema(description = "Why the conversation is here: routing's decision on the latest patient message")
public record RoutingView(String reason, String ruleId, Integer rulesVersion,
        @Schema(nullable = true) String category,
        @Schema(enumeration = { "emergency", "urgent", "routine" }, nullable = true) String urgency,
        @Schema(enumeration = { "critical", "high", "normal", "low" }) String priority,
        @Schema(description = "What led the classifier to its category and urgency (may quote the message)")
        List<String> triageReasons,
        @Schema(nullable = true) String directedTo,
        @Schema(enumeration = { "matched", "review", "new-contact" }, nullable = true) String identity,
        @Schema(enumeration = { "safety", "after-hours" }, nullable = true) String autoReplyKind,
        @Schema(nullable = true) String replyLanguage) {
}
