package org.carethread.conversation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.carethread.localinfra.KafkaBroker;
import org.carethread.localinfra.PeerEvents;
import org.carethread.localinfra.StaffTokens;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.CloudEventHeaders;
import org.carethread.schemas.DeliveryStatus;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.MediaReceived;
import org.carethread.schemas.events.MessageReceived;
import org.carethread.schemas.events.OnCallAlerted;
import org.carethread.schemas.events.OutboundStatus;
import org.carethread.schemas.events.PatientLinked;
import org.carethread.schemas.events.PatientUnlinked;
import org.carethread.schemas.events.RoutingDecided;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;

/**
 * Plays the peers of the conversation service in tests: routing publishes decisions, notification publishes delivery
 * statuses, staff call the API with tokens, and anyone may look at a topic.
 */
final class Practice {
    static final String NORTH_NUMBER = "15550001001";
    static final String SOUTH_NUMBER = "15550001002";
    /** Last four digits differ for every patient of a test JVM, so the masked address finds the test's conversation. */
    private static final AtomicInteger NEXT_PATIENT = new AtomicInteger(1000 + (int) (Math.random() * 4000));

    private final ObjectMapper json;

    Practice(ObjectMapper json) {
        this.json = json;
    }

    static String newPatientNumber() {
        return "1555" + String.format("%03d", (int) (Math.random() * 1000)) + NEXT_PATIENT.getAndIncrement();
    }

    /** The address as the inbox masks it: a phone's last four digits, an e-mail's first letter and domain. */
    static String masked(String address) {
        int at = address.indexOf('@');
        return at > 0 ? address.charAt(0) + "••••" + address.substring(at)
                : "•••• " + address.substring(address.length() - 4);
    }

    static String northFrontDesk() {
        return StaffTokens.issue("nora.north", List.of("front-desk"), List.of("north"));
    }

    static String southFrontDesk() {
        return StaffTokens.issue("sam.south", List.of("front-desk"), List.of("south"));
    }

    static String staffId(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes()).toString();
    }

    /** Publishes a routing decision for a patient text as the routing service would; returns its event id. */
    String decide(String patientNumber, String locationCode, String text) {
        return decision(patientNumber, locationCode, text).publish();
    }

    String decide(String patientNumber, String locationCode, String text, String eventId, String messageEventId) {
        return decision(patientNumber, locationCode, text).eventId(eventId).messageEventId(messageEventId).publish();
    }

    /**
     * A routing decision to adjust before publishing it. As it comes, it is a decision from before triage: the
     * location's front desk, with none of the triage and routing fields.
     */
    Decision decision(String patientNumber, String locationCode, String text) {
        return new Decision(patientNumber, locationCode, text);
    }

    /** A routing decision under construction; each setter answers the decision, so a test names only what matters. */
    final class Decision {
        private final String patientNumber;
        private final String locationCode;
        private final String text;
        private String eventId = UUID.randomUUID().toString();
        private String messageEventId = UUID.randomUUID().toString();
        private String queue;
        private String reason;
        private String patientId;
        private String identity;
        private String category;
        private String urgency;
        private String priority;
        private List<String> triageReasons;
        private String ruleId;
        private Integer rulesVersion;
        private String directedTo;
        private String autoReplyKind;
        private String autoReplyText;
        private String replyLanguage;
        private Instant clockStartsAt;
        private String givenName;
        private String channel = "sms";
        private Instant decidedAt = Instant.now();
        private String subject;
        private String emailMessageId;
        private List<String> answers;
        private List<MessageReceived.Attachment> attachments;

        private Decision(String patientNumber, String locationCode, String text) {
            this.patientNumber = patientNumber;
            this.locationCode = locationCode;
            this.text = text;
            this.queue = locationCode + "-front-desk";
            this.reason = "the patient wrote to the " + locationCode + " clinic number";
        }

        Decision eventId(String value) {
            eventId = value;
            return this;
        }

        Decision messageEventId(String value) {
            messageEventId = value;
            return this;
        }

        Decision queue(String value) {
            queue = value;
            return this;
        }

        Decision reason(String value) {
            reason = value;
            return this;
        }

        /** Who the sender is: {@code matched} with a patient id, or {@code review} / {@code new-contact} with null. */
        Decision identity(String value, String patient) {
            identity = value;
            patientId = patient;
            return this;
        }

        /** The classifier's verdict; the reasons are sealed when the decision is built, as routing seals them. */
        Decision triage(String categoryValue, String urgencyValue, String priorityValue, String... reasons) {
            category = categoryValue;
            urgency = urgencyValue;
            priority = priorityValue;
            triageReasons = List.of(reasons);
            return this;
        }

        /** The matched patient's given name, as the directory has it; sealed when the decision is built. */
        Decision givenName(String value) {
            givenName = value;
            return this;
        }

        Decision rule(String id, Integer version) {
            ruleId = id;
            rulesVersion = version;
            return this;
        }

        Decision directedTo(String value) {
            directedTo = value;
            return this;
        }

        Decision autoReply(String kind, String replyText, String language) {
            autoReplyKind = kind;
            autoReplyText = replyText;
            replyLanguage = language;
            return this;
        }

        Decision clockStartsAt(Instant value) {
            clockStartsAt = value;
            return this;
        }

        /** The channel the patient wrote on; the "number" is then that channel's address (an e-mail address...). */
        Decision channel(String value) {
            channel = value;
            return this;
        }

        /** An e-mail with its subject and Message-ID, answering these Message-IDs; sealed and indexed as ingestion does. */
        Decision email(String subjectValue, String messageId, String... answered) {
            channel = "email";
            subject = subjectValue;
            emailMessageId = messageId;
            answers = List.of(answered);
            return this;
        }

        /** What the message says was attached, as ingestion describes it (names sealed). */
        Decision attachments(MessageReceived.Attachment... value) {
            attachments = List.of(value);
            return this;
        }

        Decision decidedAt(Instant value) {
            decidedAt = value;
            return this;
        }

        /** An emergency as routing decides it: critical, the safety route, and the safety reply. */
        Decision emergency(String safetyReply, String... reasons) {
            return triage("clinical-question", "emergency", "critical", reasons)
                    .queue(locationCode + "-clinical")
                    .reason("Possible emergency: safety route")
                    .autoReply("safety", safetyReply, "en");
        }

        RoutingDecided build() {
            String practiceNumber = "email".equals(channel) ? mailboxOf(locationCode)
                    : "north".equals(locationCode) ? NORTH_NUMBER : SOUTH_NUMBER;
            return new RoutingDecided(messageEventId, "vonage-" + UUID.randomUUID(), channel, patientRef(patientNumber),
                    TestCrypto.CIPHER.seal(patientNumber), practiceNumber, TestCrypto.CIPHER.seal(text), Instant.now(),
                    locationCode, queue, reason, decidedAt, patientId, identity, category, urgency, priority,
                    triageReasons == null ? null : TestCrypto.CIPHER.seal(write(triageReasons)), ruleId, rulesVersion,
                    directedTo, autoReplyKind, autoReplyText == null ? null : TestCrypto.CIPHER.seal(autoReplyText),
                    replyLanguage, clockStartsAt, givenName == null ? null : TestCrypto.CIPHER.seal(givenName),
                    TestCrypto.CIPHER.seal(subject), TestCrypto.CIPHER.seal(emailMessageId),
                    emailMessageId == null ? null : TestCrypto.BLIND_INDEX.ofMessageId(emailMessageId),
                    answers == null ? null : answers.stream().map(TestCrypto.BLIND_INDEX::ofMessageId).toList(),
                    attachments);
        }

        /** Publishes it on routing.decisions; returns its event id. */
        String publish() {
            RoutingDecided decision = build();
            Practice.this.publish(Topics.ROUTING_DECISIONS, EventTypes.ROUTING_DECIDED, eventId,
                    decision.patientRef(), decision);
            return eventId;
        }
    }

    /**
     * A file's pieces as ingestion publishes them: at most {@link MediaReceived#PIECE_BYTES} plain bytes each, sealed.
     * The caller publishes them ({@link #publishPiece}) in whatever order and as often as the test needs.
     */
    static List<MediaReceived> pieces(String patientNumber, String mediaId, String messageEventId, String contentType,
            byte[] contents) {
        int count = Math.max(1, (contents.length + MediaReceived.PIECE_BYTES - 1) / MediaReceived.PIECE_BYTES);
        List<MediaReceived> pieces = new ArrayList<>();
        for (int piece = 0; piece < count; piece++) {
            int from = piece * MediaReceived.PIECE_BYTES;
            byte[] bytes = Arrays.copyOfRange(contents, from,
                    Math.min(contents.length, from + MediaReceived.PIECE_BYTES));
            pieces.add(new MediaReceived(mediaId, messageEventId, patientRef(patientNumber), contentType,
                    contents.length, piece, count, TestCrypto.CIPHER.sealBytes(bytes)));
        }
        return pieces;
    }

    /** Publishes a file's pieces in order, each once under an event id of its own, as ingestion does. */
    void publishFile(String patientNumber, String mediaId, String messageEventId, String contentType, byte[] contents) {
        pieces(patientNumber, mediaId, messageEventId, contentType, contents)
                .forEach(piece -> publishPiece(piece, UUID.randomUUID().toString()));
    }

    /** Publishes a piece on inbound.media under this event id (the same id again is a redelivery). */
    void publishPiece(MediaReceived piece, String eventId) {
        publish(Topics.INBOUND_MEDIA, EventTypes.MEDIA_RECEIVED, eventId, piece.patientRef(), piece);
    }

    /** Publishes an on-call alert about a patient message as the routing service would; returns its event id. */
    String alertOnCall(String patientNumber, String locationCode, String messageEventId, String onCallStaff,
            String safetyRuleId) {
        OnCallAlerted alert = new OnCallAlerted("alert-" + messageEventId, messageEventId, patientRef(patientNumber),
                locationCode, locationCode + "-clinical", onCallStaff, safetyRuleId, Instant.now());
        String eventId = UUID.randomUUID().toString();
        publish(Topics.STAFF_ALERTS, EventTypes.ON_CALL_ALERTED, eventId, alert.patientRef(), alert);
        return eventId;
    }

    /** Publishes staff linking the patient's address to a directory patient, as the routing service would. */
    void link(String patientNumber, String locationCode, String patientId, String staff) {
        PatientLinked link = new PatientLinked(UUID.randomUUID().toString(), patientRef(patientNumber), patientId,
                locationCode, staff, Instant.now(), null);
        publish(Topics.PATIENT_LINKS, EventTypes.PATIENT_LINKED, UUID.randomUUID().toString(), link.patientRef(),
                link);
    }

    void unlink(String patientNumber, String locationCode, String patientId, String staff) {
        PatientUnlinked unlink = new PatientUnlinked(UUID.randomUUID().toString(), patientRef(patientNumber),
                patientId, locationCode, staff, Instant.now());
        publish(Topics.PATIENT_LINKS, EventTypes.PATIENT_UNLINKED, UUID.randomUUID().toString(),
                unlink.patientRef(), unlink);
    }

    /** Publishes a delivery status for a reply as the notification service would. */
    void deliveryStatus(String replyId, String conversationId, String patientNumber, DeliveryStatus status,
            String reason) {
        OutboundStatus event = new OutboundStatus(replyId, conversationId, patientRef(patientNumber), status,
                "vonage-" + replyId, reason, Instant.now());
        publish(Topics.OUTBOUND_STATUS, EventTypes.OUTBOUND_STATUS, UUID.randomUUID().toString(),
                event.patientRef(), event);
    }

    void publish(String topic, String type, String eventId, String key, Object data) {
        KafkaBroker.shared().send(List.of(PeerEvents.cloudEvent(topic, key, eventId, type, "/carethread/test", null,
                Instant.now(), write(data))));
    }

    /** The location's practice mailbox, as routing's demo data has it. */
    static String mailboxOf(String locationCode) {
        return locationCode + "@carethread.local";
    }

    static String patientRef(String patientNumber) {
        return TestCrypto.BLIND_INDEX.ofAddress(patientNumber);
    }

    /** The staff member's inbox entry for this patient, once the conversation exists. */
    static Map<String, Object> awaitInboxEntry(String token, String patientNumber) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> inboxEntry(token, patientNumber), Optional::isPresent).orElseThrow();
    }

    static Optional<Map<String, Object>> inboxEntry(String token, String patientNumber) {
        List<Map<String, Object>> inbox = given().auth().oauth2(token)
                .when().get("/api/conversations?limit=200")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath().getList("$");
        return inbox.stream().filter(c -> masked(patientNumber).equals(((Map<?, ?>) c.get("patient")).get("address")))
                .findFirst();
    }

    /** Records on the topic that carry this CloudEvents subject, read as a peer service would. */
    static List<ConsumerRecord<String, String>> recordsAbout(String topic, String subject) {
        return KafkaBroker.shared().readAll(topic, Duration.ofSeconds(1)).stream()
                .filter(r -> subject.equals(header(r, CloudEventHeaders.SUBJECT)))
                .toList();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return PeerEvents.header(record, name);
    }

    <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
        try {
            return json.readValue(record.value(), type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("unreadable event on " + record.topic(), e);
        }
    }

    /** The service's own test database, to check what is at rest. */
    static Connection database() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
