package org.carethread.ingestion.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The event Vonage Voice sends to a record action's {@code eventUrl} when the recording is done. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "Vonage Voice recording event")
public record VonageRecording(
        @JsonProperty("recording_url") @Schema(description = "where the recording is fetched, with the Voice application's JWT",
                example = "https://api.nexmo.com/v1/files/aaaaaaaa-bbbb-cccc-dddd-0123456789ab") String recordingUrl,
        @JsonProperty("recording_uuid") String recordingUuid,
        @JsonProperty("conversation_uuid") String conversationUuid,
        @Schema(description = "bytes; 0 when the caller hung up before saying anything") Long size,
        @JsonProperty("start_time") String startTime,
        @JsonProperty("end_time") String endTime) {
}
