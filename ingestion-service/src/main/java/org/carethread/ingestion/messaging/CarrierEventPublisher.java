package org.carethread.ingestion.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.messaging.CloudEventRecords;
import org.carethread.schemas.Channels;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.DeliveryReceipt;
import org.carethread.schemas.events.MessageReceived;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    private final MutinyEmitter<String> messages;
    private final MutinyEmitter<String> receipts;
    private final ObjectMapper json;
    private final Duration ackTimeout;
    private final String source;

    public CarrierEventPublisher(@Channel(INBOUND_MESSAGES_CHANNEL) MutinyEmitter<String> messages,
            @Channel(INBOUND_RECEIPTS_CHANNEL) MutinyEmitter<String> receipts, ObjectMapper json,
            @ConfigProperty(name = "carethread.ingestion.broker-ack-timeout") Duration ackTimeout,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.messages = messages;
        this.receipts = receipts;
        this.json = json;
        this.ackTimeout = ackTimeout;
        this.source = "/carethread/" + applicationName;
    }

    public static String eventIdOf(MessageReceived message) {
        String provider = Channels.EMAIL.equals(message.channel()) ? "email:" : "vonage:";
        return deterministicId(provider + message.providerMessageId());
    }

    public static String eventIdOf(DeliveryReceipt receipt) {
        String provider = Channels.EMAIL.equals(receipt.channel()) ? "email:" : "vonage:";
        return deterministicId(provider + "status:" + receipt.providerMessageId() + ":" + receipt.carrierStatus());
    }

    public Uni<Void> publish(MessageReceived message) {
        return send(messages, Topics.INBOUND_MESSAGES, message.patientRef(), eventIdOf(message),
                EventTypes.MESSAGE_RECEIVED, message);
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
