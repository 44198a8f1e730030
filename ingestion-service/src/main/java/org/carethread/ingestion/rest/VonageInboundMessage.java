package org.carethread.ingestion.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A Vonage Messages API inbound webhook body, as far as CareThread reads it; other fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "Vonage Messages API inbound message webhook (SMS)")
public record VonageInboundMessage(
        @Schema(description = "only 'sms' is supported yet", example = "sms") String channel,
        @JsonProperty("message_uuid") @Schema(description = "Vonage's id of the message") String messageUuid,
        @Schema(description = "the practice number the patient wrote to", example = "15550001001") String to,
        @Schema(description = "the patient's number") String from,
        @Schema(description = "when Vonage received it (ISO-8601)", example = "2026-11-22T10:00:00Z") String timestamp,
        String text,
        @JsonProperty("message_type") String messageType) {
}
