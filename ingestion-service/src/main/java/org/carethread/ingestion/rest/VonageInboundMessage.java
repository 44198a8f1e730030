package org.carethread.ingestion.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A Vonage Messages API inbound webhook body, as far as CareThread reads it; other fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "Vonage Messages API inbound message webhook (SMS, or MMS with a photo or file)")
public record VonageInboundMessage(
        @Schema(description = "'sms' or 'mms'", example = "sms") String channel,
        @JsonProperty("message_uuid") @Schema(description = "Vonage's id of the message") String messageUuid,
        @Schema(description = "the practice number the patient wrote to", example = "15550001001") String to,
        @Schema(description = "the patient's number") String from,
        @Schema(description = "when Vonage received it (ISO-8601)", example = "2026-11-22T10:00:00Z") String timestamp,
        String text,
        @JsonProperty("message_type") @Schema(description = "text, image, file, audio or video") String messageType,
        Media image, Media file, Media audio, Media video) {
    /** Vonage's channel for picture messages; CareThread keeps them as SMS, the way replies go back. */
    public static final String MMS = "mms";

    /** An SMS: text only. */
    public VonageInboundMessage(String channel, String messageUuid, String to, String from, String timestamp,
            String text, String messageType) {
        this(channel, messageUuid, to, from, timestamp, text, messageType, null, null, null, null);
    }

    /** Where Vonage keeps a file the patient sent, and the words that came with it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Media(@Schema(description = "the file on Vonage's media server") String url, String caption,
            @Schema(description = "the file's name, for 'file'") String name) {
    }

    /** The file of a media message ({@code message_type} image, file, audio or video), or null for text. */
    public Media media() {
        if (messageType == null) {
            return null;
        }
        return switch (messageType) {
            case "image" -> image;
            case "file" -> file;
            case "audio" -> audio;
            case "video" -> video;
            default -> null;
        };
    }

    /** The words of the message: its text, or the media's caption (empty when there is none). */
    public String words() {
        Media media = media();
        if (media != null) {
            return media.caption() != null ? media.caption() : text != null ? text : "";
        }
        return text;
    }
}
