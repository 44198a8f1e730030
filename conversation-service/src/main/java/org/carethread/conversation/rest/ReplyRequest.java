package org.carethread.conversation.rest;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What staff want to send to the patient: their own words in {@code text}, or a template by {@code templateId} with
 * the values they entered for its entered variables (e.g. {@code appointment_time}). {@code sendAt} schedules it.
 */
public record ReplyRequest(
        @Schema(description = "the reply, 1..1600 characters; leave out when answering with a template") String text,
        @Schema(description = "the template to answer with; CareThread fills its variables") String templateId,
        @Schema(description = "values for the template's entered variables, by variable code") Map<String, String> values,
        @Schema(description = "only on scheduled-replies: when to send it, ISO-8601 with offset, in the future")
        String sendAt) {
}
