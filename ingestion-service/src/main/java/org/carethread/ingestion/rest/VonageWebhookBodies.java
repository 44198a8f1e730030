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
            throw WebhookRejectedException.invalid("The body is not a JSON object of the Vonage Messages API"
                    + " webhook format.");
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
        require(value, "message_uuid");
        if (!UUID.matcher(value).matches()) {
            throw WebhookRejectedException.invalid("The field 'message_uuid' must be a UUID.");
        }
        return value.toLowerCase();
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw WebhookRejectedException.invalid("The field '" + field + "' is missing or empty.");
        }
    }
}
