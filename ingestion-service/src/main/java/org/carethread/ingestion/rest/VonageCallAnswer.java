package org.carethread.ingestion.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A Vonage Voice answer webhook (query parameters of a GET, or a POST body), as far as CareThread reads it. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "Vonage Voice answer webhook")
public record VonageCallAnswer(
        @Schema(description = "the practice number called", example = "15550001001") String to,
        @Schema(description = "the caller's number") String from,
        @Schema(description = "Vonage's id of this call leg") String uuid,
        @JsonProperty("conversation_uuid") @Schema(description = "Vonage's id of the call, named again by its recording and transcription events",
                example = "CON-f972836a-550f-45fa-956c-12a2ab5b7d22") String conversationUuid) {
}
