package org.carethread.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.carethread.localinfra.KafkaBroker;
import org.carethread.localinfra.PeerEvents;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.MessageReceived;
import org.carethread.schemas.events.RoutingDecided;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Plays the ingestion service (publishing patient messages) and the conversation service (reading decisions). */
final class InboundMessages {
    static final JsonMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private InboundMessages() {
    }

    /** A new patient's phone number, so each test finds only its own events on the shared broker. */
    static String newPatientPhone() {
        return "1555" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }

    /** A text from the patient to a practice number, sealed as the ingestion service seals it. */
    static MessageReceived text(String patientPhone, String practiceNumber, String text) {
        return new MessageReceived(UUID.randomUUID().toString(), "sms", TestCrypto.BLIND_INDEX.ofAddress(patientPhone),
                TestCrypto.CIPHER.seal(patientPhone), practiceNumber, TestCrypto.CIPHER.seal(text),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    /** A voicemail as ingestion publishes it: the transcript as the text, the recording as its one attachment. */
    static MessageReceived voicemail(String patientPhone, String practiceNumber, String transcript) {
        String mediaId = UUID.randomUUID().toString();
        return new MessageReceived(UUID.randomUUID().toString(), "voicemail",
                TestCrypto.BLIND_INDEX.ofAddress(patientPhone), TestCrypto.CIPHER.seal(patientPhone), practiceNumber,
                TestCrypto.CIPHER.seal(transcript), Instant.now().truncatedTo(ChronoUnit.MILLIS), null, null, null,
                null, List.of(new MessageReceived.Attachment(TestCrypto.CIPHER.seal("voicemail.wav"), "audio/vnd.wave",
                        32044, mediaId)));
    }

    /** An e-mail from the patient to a practice mailbox, with its thread and an attachment, as ingestion seals it. */
    static MessageReceived email(String patientAddress, String practiceMailbox, String subject, String text) {
        String messageRef = TestCrypto.BLIND_INDEX.ofMessageId(UUID.randomUUID() + "@mail.example.org");
        return new MessageReceived(messageRef, "email", TestCrypto.BLIND_INDEX.ofAddress(patientAddress),
                TestCrypto.CIPHER.seal(patientAddress), practiceMailbox, TestCrypto.CIPHER.seal(text),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), TestCrypto.CIPHER.seal(subject),
                TestCrypto.CIPHER.seal("id-" + messageRef + "@mail.example.org"), messageRef,
                List.of(TestCrypto.BLIND_INDEX.ofMessageId("earlier@carethread.local")),
                List.of(new MessageReceived.Attachment(TestCrypto.CIPHER.seal("insurance-card.png"), "image/png",
                        48213)));
    }

    /** A binary-mode CloudEvent record on inbound.messages, keyed by the patient. */
    static ProducerRecord<String, String> record(String eventId, MessageReceived message) {
        return PeerEvents.cloudEvent(Topics.INBOUND_MESSAGES, message.patientRef(), eventId,
                EventTypes.MESSAGE_RECEIVED, "/carethread/ingestion-service", null, Instant.now(), json(message));
    }

    @SafeVarargs
    static void publish(ProducerRecord<String, String>... records) {
        KafkaBroker.shared().send(Arrays.asList(records));
    }

    /** Every decision on routing.decisions about this inbound event. */
    static List<ConsumerRecord<String, String>> decisionsFor(String messageEventId) {
        return KafkaBroker.shared().readAll(Topics.ROUTING_DECISIONS, Duration.ofMillis(500)).stream()
                .filter(r -> messageEventId.equals(decided(r).messageEventId()))
                .toList();
    }

    static RoutingDecided decided(ConsumerRecord<String, String> record) {
        try {
            return JSON.readValue(record.value(), RoutingDecided.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("routing.decisions holds a record that is not a RoutingDecided", e);
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return PeerEvents.header(record, name);
    }

    private static String json(Object data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
