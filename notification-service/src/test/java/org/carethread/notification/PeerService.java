package org.carethread.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.carethread.localinfra.KafkaBroker;
import org.carethread.localinfra.PeerEvents;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.Channels;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.ConversationPurged;
import org.carethread.schemas.events.DeliveryReceipt;
import org.carethread.schemas.events.MessageReceived;
import org.carethread.schemas.events.OutboundRequested;
import org.carethread.schemas.events.OutboundStatus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

/**
 * Plays the services around notification-service: conversation (requests), ingestion (patients' messages and
 * receipts), the carrier.
 */
final class PeerService {
    static final String NORTH_NUMBER = "15550001001";
    static final String SOUTH_NUMBER = "15550001002";
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private PeerService() {
    }

    /** A message staff want to send to one (made-up) patient, with ids no other test uses. */
    record Outbound(String outboundId, String conversationId, String patientNumber, String text) {
        static Outbound fresh() {
            String number = "1555" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
            return new Outbound("msg-" + UUID.randomUUID(), "conv-" + UUID.randomUUID(), number,
                    "Your lab results are ready " + UUID.randomUUID());
        }

        /** Another message to the same patient, so it lands on the same partition, after this one. */
        Outbound next() {
            return new Outbound("msg-" + UUID.randomUUID(), conversationId, patientNumber,
                    "Following up " + UUID.randomUUID());
        }

        String patientRef() {
            return TestCrypto.BLIND_INDEX.ofAddress(patientNumber);
        }

        OutboundRequested requestFrom(String practiceNumber) {
            return new OutboundRequested(outboundId, conversationId, Channels.SMS, patientRef(),
                    TestCrypto.CIPHER.seal(patientNumber), practiceNumber, TestCrypto.CIPHER.seal(text), "nurse.jane",
                    Instant.now());
        }
    }

    /** A reply by e-mail from the North mailbox to a (made-up) patient, answering their mail. */
    record EmailReply(String outboundId, String conversationId, String patientAddress, String subject, String text,
            String inReplyTo) {
        static final String NORTH_MAILBOX = "north@carethread.local";

        static EmailReply fresh() {
            String id = UUID.randomUUID().toString();
            return new EmailReply("msg-" + id, "conv-" + id, "pat." + id.substring(0, 8) + "@example.org",
                    "Re: Lab results", "Your results are normal " + id, id + "@mail.example.org");
        }

        String patientRef() {
            return TestCrypto.BLIND_INDEX.ofAddress(patientAddress);
        }

        ProducerRecord<String, String> record(String eventId) {
            OutboundRequested request = new OutboundRequested(outboundId, conversationId, Channels.EMAIL,
                    patientRef(), TestCrypto.CIPHER.seal(patientAddress), NORTH_MAILBOX,
                    TestCrypto.CIPHER.seal(text), "nurse.jane", Instant.now(), TestCrypto.CIPHER.seal(subject),
                    TestCrypto.CIPHER.seal(inReplyTo), TestCrypto.CIPHER.seal(inReplyTo));
            return cloudEvent(Topics.OUTBOUND_REQUESTS, patientRef(), eventId, EventTypes.OUTBOUND_REQUESTED,
                    conversationId, request);
        }
    }

    static ProducerRecord<String, String> requestRecord(String eventId, Outbound outbound) {
        return requestRecordFrom(eventId, outbound, NORTH_NUMBER);
    }

    /** The request to send a message from another practice number than North's. */
    static ProducerRecord<String, String> requestRecordFrom(String eventId, Outbound outbound, String practiceNumber) {
        return cloudEvent(Topics.OUTBOUND_REQUESTS, outbound.patientRef(), eventId, EventTypes.OUTBOUND_REQUESTED,
                outbound.conversationId(), outbound.requestFrom(practiceNumber));
    }

    /** A patient's text to a practice number, as ingestion-service publishes it on inbound.messages. */
    static ProducerRecord<String, String> inboundRecord(String eventId, String patientNumber, String practiceNumber,
            String text) {
        String patientRef = TestCrypto.BLIND_INDEX.ofAddress(patientNumber);
        MessageReceived received = new MessageReceived("prov-" + UUID.randomUUID(), Channels.SMS, patientRef,
                TestCrypto.CIPHER.seal(patientNumber), practiceNumber, TestCrypto.CIPHER.seal(text), Instant.now());
        return cloudEvent(Topics.INBOUND_MESSAGES, patientRef, eventId, EventTypes.MESSAGE_RECEIVED, null, received);
    }

    static ProducerRecord<String, String> receiptRecord(String eventId, DeliveryReceipt receipt) {
        return receiptRecordKeyed(receipt.providerMessageId(), eventId, receipt);
    }

    /** A receipt under another key, to place it on the partition of an earlier receipt. */
    static ProducerRecord<String, String> receiptRecordKeyed(String key, String eventId, DeliveryReceipt receipt) {
        return cloudEvent(Topics.INBOUND_RECEIPTS, key, eventId, EventTypes.DELIVERY_RECEIPT, null, receipt);
    }

    /** conversation-service's retention purge of one conversation, as it announces it on conversation.events. */
    static ProducerRecord<String, String> purgeRecord(String conversationId, String patientRef) {
        ConversationPurged purged = new ConversationPurged(conversationId, "north", patientRef,
                Instant.now().minus(Duration.ofDays(2600)), 2557, List.of(), Instant.now());
        return cloudEvent(Topics.CONVERSATION_EVENTS, patientRef, UUID.randomUUID().toString(),
                EventTypes.CONVERSATION_PURGED, conversationId, purged);
    }

    static void send(ProducerRecord<String, String> record) {
        KafkaBroker.shared().send(List.of(record));
    }

    private static ProducerRecord<String, String> cloudEvent(String topic, String key, String id, String type,
            String subject, Object data) {
        try {
            return PeerEvents.cloudEvent(topic, key, id, type, "/carethread/test-peer", subject, Instant.now(),
                    JSON.writeValueAsString(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Status events announced for one outbound message, in topic order, with their Kafka records. */
    static List<ConsumerRecord<String, String>> statusRecords(String outboundId) {
        return KafkaBroker.shared().readAll(Topics.OUTBOUND_STATUS, Duration.ofMillis(700)).stream()
                .filter(record -> outboundId.equals(status(record).outboundId()))
                .toList();
    }

    static List<OutboundStatus> statuses(String outboundId) {
        return statusRecords(outboundId).stream().map(PeerService::status).toList();
    }

    static OutboundStatus status(ConsumerRecord<String, String> record) {
        try {
            return JSON.readValue(record.value(), OutboundStatus.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The carrier takes messages sent with this client_ref and answers with this message id. */
    static void carrierAccepts(WireMockServer carrier, String outboundId, String providerMessageId) {
        carrier.stubFor(post(urlEqualTo("/v1/messages"))
                .withRequestBody(matchingJsonPath("$.client_ref", equalTo(outboundId)))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"message_uuid\":\"" + providerMessageId + "\"}")));
    }

    static RequestPatternBuilder sendsOf(String outboundId) {
        return postRequestedFor(urlEqualTo("/v1/messages"))
                .withRequestBody(matchingJsonPath("$.client_ref", equalTo(outboundId)));
    }
}
