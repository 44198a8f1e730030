package org.carethread.ingestion.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The event Vonage Voice sends to a record action's transcription {@code eventUrl}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "Vonage Voice transcription event")
public record VonageTranscription(
        @JsonProperty("conversation_uuid") String conversationUuid,
        @Schema(example = "transcription") String type,
        @JsonProperty("recording_uuid") String recordingUuid,
        @Schema(description = "'completed' when a transcript is ready", example = "completed") String status,
        @JsonProperty("transcription_url") @Schema(description = "where the transcript (JSON) is fetched, like the recording")
        String transcriptionUrl) {
}
