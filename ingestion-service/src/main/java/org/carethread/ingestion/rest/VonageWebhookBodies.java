package org.carethread.ingestion.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.ingestion.service.WebhookRejectedException;
import org.carethread.ingestion.service.WebhookRejectedException.Reason;
import org.carethread.schemas.Channels;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a verified webhook body and refuses what CareThread cannot use, before anything reaches the database or
 * Kafka. Problem details name the field, never its value: values are PHI.
 */
@ApplicationScoped
public class VonageWebhookBodies {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Set<String> STATUSES = Set.of("submitted", "delivered", "rejected", "undeliverable", "read");
    /** Vonage's call ids, e.g. {@code CON-f972836a-550f-45fa-956c-12a2ab5b7d22}. */
    private static final Pattern CALL_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{5,15}");
    /** A patient's photo arrives as MMS, or as SMS with media where the carrier converts it. */
    private static final Set<String> INBOUND_CHANNELS = Set.of(Channels.SMS, VonageInboundMessage.MMS);
    private static final Set<String> MEDIA_TYPES = Set.of("image", "file", "audio", "video");

    private final ObjectMapper json;

    public VonageWebhookBodies(ObjectMapper json) {
        this.json = json;
    }

    public VonageInboundMessage inbound(String rawBody) {
        VonageInboundMessage message = parse(rawBody, VonageInboundMessage.class);
        requireChannel(message.channel(), INBOUND_CHANNELS);
        require(message.from(), "from");
        require(message.to(), "to");
        VonageInboundMessage.Media media = message.media();
        if (MEDIA_TYPES.contains(message.messageType())) {
            if (media == null || media.url() == null || media.url().isBlank()) {
                throw WebhookRejectedException.invalid("The field '" + message.messageType() + ".url' is missing;"
                        + " a media message names its file.");
            }
        } else if (message.text() == null) {
            throw WebhookRejectedException.invalid("The field 'text' is missing; a message is text, or a photo or"
                    + " file with its URL.");
        }
        return new VonageInboundMessage(message.channel(), messageUuid(message.messageUuid()), message.to(),
                message.from(), timestamp(message.timestamp()), message.text(), message.messageType(),
                message.image(), message.file(), message.audio(), message.video());
    }

    public VonageMessageStatus status(String rawBody) {
        VonageMessageStatus status = parse(rawBody, VonageMessageStatus.class);
        requireChannel(status.channel(), Set.of(Channels.SMS));
        require(status.status(), "status");
        if (!STATUSES.contains(status.status())) {
            throw WebhookRejectedException.invalid("The field 'status' must be one of " + STATUSES + ".");
        }
        return new VonageMessageStatus(messageUuid(status.messageUuid()), status.to(), status.from(),
                timestamp(status.timestamp()), status.status(), status.channel(), status.clientRef(), status.error());
    }

    /** A Voice answer webhook, from a POST body or a GET's query parameters. */
    public VonageCallAnswer callAnswer(String rawBody) {
        return callAnswer(parse(rawBody, VonageCallAnswer.class));
    }

    public VonageCallAnswer callAnswer(VonageCallAnswer answer) {
        return new VonageCallAnswer(number(answer.to(), "to"), number(answer.from(), "from"), answer.uuid(),
                callId(answer.conversationUuid()));
    }

    public VonageRecording recording(String rawBody) {
        VonageRecording recording = parse(rawBody, VonageRecording.class);
        require(recording.recordingUrl(), "recording_url");
        if (recording.size() != null && recording.size() < 0) {
            throw WebhookRejectedException.invalid("The field 'size' must not be negative.");
        }
        return new VonageRecording(recording.recordingUrl(), uuid(recording.recordingUuid(), "recording_uuid"),
                callId(recording.conversationUuid()), recording.size(), recording.startTime(), recording.endTime());
    }

    public VonageTranscription transcription(String rawBody) {
        VonageTranscription transcription = parse(rawBody, VonageTranscription.class);
        require(transcription.status(), "status");
        if ("completed".equals(transcription.status())) {
            require(transcription.transcriptionUrl(), "transcription_url");
        }
        return new VonageTranscription(callId(transcription.conversationUuid()), transcription.type(),
                uuid(transcription.recordingUuid(), "recording_uuid"), transcription.status(),
                transcription.transcriptionUrl());
    }

    /** Numbers as Vonage writes them, E.164 without '+'; a withheld caller's number cannot be answered. */
    private static String number(String value, String field) {
        require(value, field);
        String digits = value.startsWith("+") ? value.substring(1) : value;
        if (!NUMBER.matcher(digits).matches()) {
            throw WebhookRejectedException.invalid("The field '" + field + "' must be a phone number (E.164);"
                    + " calls from withheld numbers cannot be answered by text and are not taken.");
        }
        return digits;
    }

    private static String callId(String value) {
        require(value, "conversation_uuid");
        if (!CALL_ID.matcher(value).matches()) {
            throw WebhookRejectedException.invalid("The field 'conversation_uuid' is not a Vonage call id.");
        }
        return value;
    }

    /** The carrier's time of the event as an ISO-8601 instant; a webhook without one happened now. */
    private static String timestamp(String value) {
        if (value == null || value.isBlank()) {
            return Instant.now().toString();
        }
        try {
            return Instant.parse(value).toString();
        } catch (DateTimeParseException e) {
            throw WebhookRejectedException.invalid("The field 'timestamp' must be an ISO-8601 instant such as"
                    + " 2026-11-22T10:00:00Z.");
        }
    }

    private <T> T parse(String rawBody, Class<T> type) {
        T body;
        try {
            body = json.readValue(rawBody, type);
        } catch (Exception e) {
            // Jackson's message quotes the body, which may hold PHI: say what is wrong without it.
            throw WebhookRejectedException.invalid("The body is not a JSON object of the Vonage webhook format.");
        }
        if (body == null) {
            throw WebhookRejectedException.invalid("The body is empty; a JSON object was expected.");
        }
        return body;
    }

    private static void requireChannel(String channel, Set<String> supported) {
        require(channel, "channel");
        if (!supported.contains(channel)) {
            throw new WebhookRejectedException(Reason.UNSUPPORTED_CHANNEL, "The channel '" + sanitisedChannel(channel)
                    + "' is not supported yet; only " + String.join(" and ", supported.stream().sorted().toList())
                    + " are. Point only those webhooks at CareThread for now.");
        }
    }

    private static String sanitisedChannel(String channel) {
        // Channel names are short words; anything else is not echoed back.
        return channel.matches("[a-z_]{1,20}") ? channel : "?";
    }

    private static String messageUuid(String value) {
        return uuid(value, "message_uuid");
    }

    private static String uuid(String value, String field) {
        require(value, field);
        if (!UUID.matcher(value).matches()) {
            throw WebhookRejectedException.invalid("The field '" + field + "' must be a UUID.");
        }
        return value.toLowerCase();
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw WebhookRejectedException.invalid("The field '" + field + "' is missing or empty.");
        }
    }
}
