package org.carethread.conversation.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * What staff look for, in the body because a phone number or a message's words must never be in a URL or an access
 * log. Every criterion is optional, at least one is needed, and all given must match.
 */
public record SearchRequest(
        @Schema(description = "the directory patient (opaque id)") String patientId,
        @Schema(description = "the patient's phone number, in full with the country code, e.g. +1 555 765 4321;"
                + " not with email") String phone,
        @Schema(description = "the patient's e-mail address; not with phone") String email,
        @Schema(description = "one status or a list: unassigned, assigned, awaiting-patient, snoozed, resolved")
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> status,
        @Schema(description = "the queue code, e.g. north-refills") String queue,
        @Schema(description = "the owner's username") String assignee,
        @Schema(description = "the triage category of the latest patient message", enumeration = { "scheduling",
                "cancellation", "refill", "billing", "test-results", "records-forms", "clinical-question",
                "general" }) String category,
        @Schema(description = "the conversation's priority", enumeration = { "critical", "high", "normal", "low" })
        String priority,
        @Schema(description = "latest activity at or after this ISO-8601 date-time with offset,"
                + " e.g. 2026-11-23T00:00:00-05:00") String from,
        @Schema(description = "latest activity before this ISO-8601 date-time with offset") String to,
        @Schema(description = "words that must each occur in some message of the conversation, the patient's or"
                + " the practice's; case and accents are ignored, single letters too; at most 10 words of at most"
                + " 50 letters") String words,
        @Schema(description = "how many to return, 1..200 (default 50)") Integer limit,
        @Schema(description = "how many to skip, for the next page (default 0)") Integer offset) {
}
