package org.carethread.ingestion.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A Vonage Messages API status webhook body for a message CareThread sent; other fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "Vonage Messages API message status webhook")
public record VonageMessageStatus(
        @JsonProperty("message_uuid") @Schema(description = "Vonage's id of the message we sent") String messageUuid,
        String to,
        String from,
        @Schema(description = "when the status changed (ISO-8601)") String timestamp,
        @Schema(enumeration = { "submitted", "delivered", "rejected", "undeliverable", "read" }) String status,
        @Schema(example = "sms") String channel,
        @JsonProperty("client_ref") @Schema(description = "CareThread's outbound id, echoed back") String clientRef,
        Error error) {

    /** Why a message failed, in Vonage's problem format. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Error(String type, String title, String detail) {
    }
}
