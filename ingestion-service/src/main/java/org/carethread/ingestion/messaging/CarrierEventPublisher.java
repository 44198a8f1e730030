package org.carethread.ingestion.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.ingestion.service.ReceivedFile;
import org.carethread.messaging.CloudEventRecords;
import org.carethread.schemas.Channels;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.schemas.events.DeliveryReceipt;
import org.carethread.schemas.events.MediaReceived;
import org.carethread.schemas.events.MessageReceived;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Publishes carrier events straight to Kafka ({@code acks=all}, idempotent producer). Each returned {@link Uni}
 * completes only when the broker has acknowledged the record, which is what allows the webhook to answer 200.
 * Event ids derive from the carrier's ids, so a republished webhook carries the same {@code ce_id} and consumers
 * recognise it.
 */
@ApplicationScoped
public class CarrierEventPublisher {
    public static final String INBOUND_MESSAGES_CHANNEL = "inbound-messages";
    public static final String INBOUND_RECEIPTS_CHANNEL = "inbound-receipts";
    public static final String INBOUND_MEDIA_CHANNEL = "inbound-media";

    private final MutinyEmitter<String> messages;
    private final MutinyEmitter<String> receipts;
    private final MutinyEmitter<String> media;
    private final PhiCipher cipher;
    private final ObjectMapper json;
    private final Duration ackTimeout;
    private final String source;

    public CarrierEventPublisher(@Channel(INBOUND_MESSAGES_CHANNEL) MutinyEmitter<String> messages,
            @Channel(INBOUND_RECEIPTS_CHANNEL) MutinyEmitter<String> receipts,
            @Channel(INBOUND_MEDIA_CHANNEL) MutinyEmitter<String> media, PhiCipher cipher, ObjectMapper json,
            @ConfigProperty(name = "carethread.ingestion.broker-ack-timeout") Duration ackTimeout,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.messages = messages;
        this.receipts = receipts;
        this.media = media;
        this.cipher = cipher;
        this.json = json;
        this.ackTimeout = ackTimeout;
        this.source = "/carethread/" + applicationName;
    }

    public static String eventIdOf(MessageReceived message) {
        return eventIdOf(message.channel(), message.providerMessageId());
    }

    /**
     * The event id a message of this channel and provider id gets, known before the message is built; each channel's
     * ids apart: an SMS by Vonage's message id, a voicemail by its recording's id, an e-mail by its Message-ID's index.
     */
    public static String eventIdOf(String channel, String providerMessageId) {
        String provider = switch (channel) {
            case Channels.EMAIL -> "email:";
            case Channels.VOICEMAIL -> "vonage:voicemail:";
            default -> "vonage:";
        };
        return deterministicId(provider + providerMessageId);
    }

    /** A file's id follows from its message and its place there, so a redelivered webhook names the same file. */
    public static String mediaIdOf(String messageEventId, int place) {
        return deterministicId("media:" + messageEventId + ":" + place);
    }

    public static String eventIdOf(DeliveryReceipt receipt) {
        String provider = Channels.EMAIL.equals(receipt.channel()) ? "email:" : "vonage:";
        return deterministicId(provider + "status:" + receipt.providerMessageId() + ":" + receipt.carrierStatus());
    }

    public Uni<Void> publish(MessageReceived message) {
        return send(messages, Topics.INBOUND_MESSAGES, message.patientRef(), eventIdOf(message),
                EventTypes.MESSAGE_RECEIVED, message);
    }

    /**
     * Publishes the files first, piece by piece, then the message that names them: once the message is
     * acknowledged, every piece is too, so the receiver never waits for a file the carrier was told we have.
     */
    public Uni<Void> publish(MessageReceived message, List<ReceivedFile> files) {
        String messageEventId = eventIdOf(message);
        return Multi.createFrom().iterable(files)
                .onItem().transformToUniAndConcatenate(file -> publishPieces(message.patientRef(), messageEventId, file))
                .collect().last()
                .chain(() -> publish(message));
    }

    private Uni<Void> publishPieces(String patientRef, String messageEventId, ReceivedFile file) {
        byte[] contents = file.contents();
        int pieces = Math.max(1, (contents.length + MediaReceived.PIECE_BYTES - 1) / MediaReceived.PIECE_BYTES);
        return Multi.createFrom().range(0, pieces).onItem().transformToUniAndConcatenate(piece -> {
            int from = piece * MediaReceived.PIECE_BYTES;
            byte[] bytes = Arrays.copyOfRange(contents, from, Math.min(contents.length, from + MediaReceived.PIECE_BYTES));
            MediaReceived event = new MediaReceived(file.mediaId(), messageEventId, patientRef, file.contentType(),
                    contents.length, piece, pieces, cipher.sealBytes(bytes));
            return send(media, Topics.INBOUND_MEDIA, patientRef, deterministicId(file.mediaId() + ":" + piece),
                    EventTypes.MEDIA_RECEIVED, event);
        }).collect().last().replaceWithVoid();
    }

    public Uni<Void> publish(DeliveryReceipt receipt) {
        return send(receipts, Topics.INBOUND_RECEIPTS, receipt.providerMessageId(), eventIdOf(receipt),
                EventTypes.DELIVERY_RECEIPT, receipt);
    }

    private Uni<Void> send(MutinyEmitter<String> emitter, String topic, String key, String eventId, String type,
            Object data) {
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("event " + type + " cannot be serialised"));
        }
        return emitter.sendMessage(Message.of(payload)
                .addMetadata(CloudEventRecords.metadata(topic, key, eventId, type, source, null, Instant.now())))
                .ifNoItem().after(ackTimeout).fail();
    }

    private static String deterministicId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
