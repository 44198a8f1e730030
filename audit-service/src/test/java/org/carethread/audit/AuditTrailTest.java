package org.carethread.audit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.carethread.audit.messaging.AllEventsConsumer;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.KafkaBroker;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.DeliveryStatus;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.ConversationOpened;
import org.carethread.schemas.events.ConversationReplied;
import org.carethread.schemas.events.LocationHoursSet;
import org.carethread.schemas.events.MediaReceived;
import org.carethread.schemas.events.MessageReceived;
import org.carethread.schemas.events.OutboundRequested;
import org.carethread.schemas.events.OutboundStatus;
import org.carethread.schemas.events.PhiAccessed;
import org.carethread.schemas.events.StaffAwayCleared;
import org.carethread.schemas.events.StaffAwaySet;
import org.carethread.schemas.practice.OpeningHours;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Events published by peer services end up in the audit log, once each, and compliance staff can find them. */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "audit"))
class AuditTrailTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String OFFICER = Staff.complianceOfficer("carol.compliance");

    @Inject
    ObjectMapper json;

    @Test
    void eventsOnEveryTopicAreListedForTheirConversationOldestFirst() throws Exception {
        String conversation = UUID.randomUUID().toString();
        String phone = "1555" + (1_000_000 + (int) (Math.random() * 8_999_999));
        String patient = TestCrypto.BLIND_INDEX.ofAddress(phone);
        String sealedText = TestCrypto.CIPHER.seal("Your lab results are ready, call us back");
        String sealedFrom = TestCrypto.CIPHER.seal(phone);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        String received = UUID.randomUUID().toString();
        String opened = UUID.randomUUID().toString();
        String read = UUID.randomUUID().toString();
        String requested = UUID.randomUUID().toString();
        String delivered = UUID.randomUUID().toString();
        String replied = UUID.randomUUID().toString();
        String outboundId = UUID.randomUUID().toString();

        // Published newest first and across topics: the log still lists them in the order they happened.
        KafkaBroker.shared().send(List.of(
                CloudEventRecords.record(json, Topics.CONVERSATION_EVENTS, patient, replied,
                        EventTypes.CONVERSATION_REPLIED, "/carethread/conversation-service", conversation,
                        t0.plusSeconds(5), new ConversationReplied(conversation, outboundId, "nurse.nora", "north",
                                patient, t0.plusSeconds(5))),
                CloudEventRecords.record(json, Topics.OUTBOUND_STATUS, patient, delivered, EventTypes.OUTBOUND_STATUS,
                        "/carethread/notification-service", conversation, t0.plusSeconds(4),
                        new OutboundStatus(outboundId, conversation, patient, DeliveryStatus.DELIVERED, "vonage-1",
                                null, t0.plusSeconds(4))),
                CloudEventRecords.record(json, Topics.OUTBOUND_REQUESTS, patient, requested,
                        EventTypes.OUTBOUND_REQUESTED, "/carethread/conversation-service", conversation,
                        t0.plusSeconds(3), new OutboundRequested(outboundId, conversation, "sms", patient, sealedFrom,
                                "15550001001", sealedText, "nurse.nora", t0.plusSeconds(3))),
                CloudEventRecords.record(json, Topics.AUDIT_ACCESS, patient, read, EventTypes.PHI_ACCESSED,
                        "/carethread/conversation-service", conversation, t0.plusSeconds(2),
                        new PhiAccessed("nurse.nora", List.of("nurse"), "conversation.read", conversation, patient,
                                "north", "192.0.2.10", null, t0.plusSeconds(2))),
                CloudEventRecords.record(json, Topics.CONVERSATION_EVENTS, patient, opened,
                        EventTypes.CONVERSATION_OPENED, "/carethread/conversation-service", conversation,
                        t0.plusSeconds(1), new ConversationOpened(conversation, "north", "north-front-desk", "sms",
                                patient, t0.plusSeconds(1))),
                CloudEventRecords.record(json, Topics.INBOUND_MESSAGES, patient, received,
                        EventTypes.MESSAGE_RECEIVED, "/carethread/ingestion-service", null, t0,
                        new MessageReceived("vonage-in-1", "sms", patient, sealedFrom, "15550001001", sealedText,
                                t0))));

        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", OFFICER)
                .queryParam("conversationId", conversation)
                .when().get("/api/audit/events").then()
                .statusCode(200)
                .body("total", equalTo(5)));

        given().header("Authorization", OFFICER).queryParam("conversationId", conversation)
                .when().get("/api/audit/events").then()
                .statusCode(200)
                .contentType("application/json")
                .body("page", equalTo(0))
                .body("size", equalTo(50))
                .body("entries.eventId", contains(opened, read, requested, delivered, replied))
                .body("entries.type", contains(EventTypes.CONVERSATION_OPENED, EventTypes.PHI_ACCESSED,
                        EventTypes.OUTBOUND_REQUESTED, EventTypes.OUTBOUND_STATUS, EventTypes.CONVERSATION_REPLIED))
                .body("entries.action", contains("conversation.opened", "conversation.read", "reply.requested",
                        "delivery.status", "conversation.replied"))
                .body("entries.actorUserId", contains(null, "nurse.nora", "nurse.nora", null, "nurse.nora"))
                .body("entries.conversationId", everyItem(equalTo(conversation)))
                .body("entries[1].locationCode", equalTo("north"))
                .body("entries[1].clientAddress", equalTo("192.0.2.10"))
                .body("entries[1].occurredAt", equalTo(t0.plusSeconds(2).toString()))
                .body("entries.entryHash", everyItem(matchesPattern("[0-9a-f]{64}")))
                .body(not(containsString(sealedText)));

        // The patient's inbound message has no conversation yet; it is found by the patient's blind index.
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", OFFICER)
                .queryParam("patientRef", patient)
                .when().get("/api/audit/events").then()
                .statusCode(200)
                .body("total", equalTo(6))
                .body("entries[0].eventId", equalTo(received))
                .body("entries[0].action", equalTo("message.received"))
                .body("entries[0].conversationId", equalTo(null)));

        // A compliance officer who knows the patient's number, written as the desk writes it, finds the same entries:
        // the number goes in a POST body, and the search and the export take its blind index.
        String phoneAsTyped = "+" + phone.charAt(0) + " (" + phone.substring(1, 4) + ") " + phone.substring(4);
        given().header("Authorization", OFFICER).contentType("application/json")
                .body(Map.of("phone", phoneAsTyped))
                .when().post("/api/audit/patient-refs").then()
                .statusCode(200)
                .body("patientRef", equalTo(patient));
        for (Map<String, String> wrong : List.of(Map.of("phone", "call me"), Map.of("email", "not-an-address"),
                Map.of("phone", phone, "email", "pat@example.org"), Map.<String, String>of())) {
            given().header("Authorization", OFFICER).contentType("application/json").body(wrong)
                    .when().post("/api/audit/patient-refs").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body(not(containsString(phone)));
        }
        given().header("Authorization", Staff.frontDesk("fran.desk")).contentType("application/json")
                .body(Map.of("phone", phone))
                .when().post("/api/audit/patient-refs").then()
                .statusCode(403);

        // Nothing sealed was copied into the log: no column of any entry holds the ciphertexts.
        try (Connection db = AuditDatabase.connect();
                PreparedStatement query = db.prepareStatement(
                        "select count(*) from audit_entry e where e::text like ? or e::text like ?")) {
            query.setString(1, "%" + sealedText + "%");
            query.setString(2, "%" + sealedFrom + "%");
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertEquals(0, rows.getInt(1));
            }
        }

        given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("carethread_audit_entries_total{topic=\"outbound.status\""))
                .body(containsString("carethread_audit_entries_total{topic=\"audit.access\""));
    }

    @Test
    void aPieceOfAFileIsRecordedWithoutItsContents() {
        String patient = TestCrypto.BLIND_INDEX.ofAddress("1555" + (1_000_000 + (int) (Math.random() * 8_999_999)));
        String pieceId = UUID.randomUUID().toString();
        String sealedBytes = TestCrypto.CIPHER.sealBytes(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x01 });
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        KafkaBroker.shared().send(List.of(CloudEventRecords.record(json, Topics.INBOUND_MEDIA, patient, pieceId,
                EventTypes.MEDIA_RECEIVED, "/carethread/ingestion-service", null, at,
                new MediaReceived(UUID.randomUUID().toString(), UUID.randomUUID().toString(), patient, "image/jpeg", 4,
                        0, 1, sealedBytes))));

        String listed = await().atMost(WAIT).until(() -> given().header("Authorization", OFFICER)
                .queryParam("patientRef", patient)
                .when().get("/api/audit/events").then()
                .statusCode(200).extract().asString(), body -> body.contains(pieceId));
        given().header("Authorization", OFFICER).queryParam("patientRef", patient)
                .when().get("/api/audit/events").then()
                .body("entries.eventId", contains(pieceId))
                .body("entries[0].action", equalTo("media.received"));
        assertFalse(listed.contains(sealedBytes), "the file's bytes, even sealed, are not kept in the audit log");
    }

    @Test
    void theChannelReadsEveryTopicOfThePlatform() {
        // A topic added to Topics.ALL but not to the channel would go unaudited without anyone noticing.
        assertEquals(List.copyOf(Topics.ALL), List.of(ConfigProvider.getConfig()
                .getValue("mp.messaging.incoming." + AllEventsConsumer.CHANNEL + ".topics", String[].class)));
    }

    @Test
    void changesToThePracticeScheduleAreRecordedWithWhoMadeThem() {
        String admin = "ada.admin" + UUID.randomUUID().toString().substring(0, 8);
        String provider = "dr.away" + UUID.randomUUID().toString().substring(0, 8);
        String hoursSet = UUID.randomUUID().toString();
        String awaySet = UUID.randomUUID().toString();
        String awayCleared = UUID.randomUUID().toString();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        OpeningHours weekdays = new OpeningHours(ZoneId.of("America/New_York"), Map.of(DayOfWeek.MONDAY,
                List.of(new OpeningHours.Interval(LocalTime.of(8, 0), LocalTime.of(17, 0)))), Map.of());

        KafkaBroker.shared().send(List.of(
                CloudEventRecords.record(json, Topics.PRACTICE_SCHEDULE, "north", hoursSet, EventTypes.LOCATION_HOURS_SET,
                        "/carethread/routing-service", "north", at, LocationHoursSet.of("north", weekdays, admin, at)),
                CloudEventRecords.record(json, Topics.PRACTICE_SCHEDULE, provider, awaySet, EventTypes.STAFF_AWAY_SET,
                        "/carethread/routing-service", provider, at.plusSeconds(1), new StaffAwaySet(provider,
                                at.plusSeconds(60), at.plusSeconds(3600), "dr.cover", admin, at.plusSeconds(1))),
                CloudEventRecords.record(json, Topics.PRACTICE_SCHEDULE, provider, awayCleared,
                        EventTypes.STAFF_AWAY_CLEARED, "/carethread/routing-service", provider, at.plusSeconds(2),
                        new StaffAwayCleared(provider, admin, at.plusSeconds(2)))));

        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", OFFICER)
                .queryParam("actor", admin)
                .when().get("/api/audit/events").then()
                .statusCode(200)
                .body("entries.eventId", contains(hoursSet, awaySet, awayCleared))
                .body("entries.action", contains("location.hours-set", "staff.away-set", "staff.away-cleared"))
                .body("entries[0].locationCode", equalTo("north"))
                .body("entries.actorUserId", everyItem(equalTo(admin))));
    }

    @Test
    void theSameEventDeliveredTwiceIsRecordedOnce() {
        String conversation = UUID.randomUUID().toString();
        String patient = TestCrypto.BLIND_INDEX.ofAddress("15559990001");
        String readTwice = UUID.randomUUID().toString();
        String readAfter = UUID.randomUUID().toString();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ProducerRecord<String, String> read = CloudEventRecords.record(json, Topics.AUDIT_ACCESS, patient, readTwice,
                EventTypes.PHI_ACCESSED, "/carethread/conversation-service", conversation, at,
                new PhiAccessed("dr.diaz", List.of("provider"), "conversation.read", conversation, patient, "south",
                        "192.0.2.20", null, at));

        // Same key, same partition: once the later read is recorded, the redelivery was handled before it.
        KafkaBroker.shared().send(List.of(read, read, CloudEventRecords.record(json, Topics.AUDIT_ACCESS, patient,
                readAfter, EventTypes.PHI_ACCESSED, "/carethread/conversation-service", conversation,
                at.plusSeconds(1), new PhiAccessed("dr.diaz", List.of("provider"), "patient.read", conversation,
                        patient, "south", "192.0.2.20", null, at.plusSeconds(1)))));

        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", OFFICER)
                .queryParam("conversationId", conversation)
                .when().get("/api/audit/events").then()
                .statusCode(200)
                .body("entries.eventId", contains(readTwice, readAfter))
                .body("entries.action", contains("conversation.read", "patient.read"))
                .body("entries.actorUserId", contains("dr.diaz", "dr.diaz")));
    }

    @Test
    void anEventOfATypeNobodyKnowsYetIsStillRecorded() {
        String conversation = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        KafkaBroker.shared().send(List.of(CloudEventRecords.record(Topics.CONVERSATION_EVENTS, "someone", id,
                "carethread.conversation.escalated.v2", "/carethread/conversation-service", conversation,
                Instant.now(), "{\"staffUserId\":\"sam.supervisor\",\"locationCode\":\"south\"}")));

        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", OFFICER)
                .queryParam("conversationId", conversation)
                .when().get("/api/audit/events").then()
                .statusCode(200)
                .body("entries", hasSize(1))
                .body("entries[0].eventId", equalTo(id))
                .body("entries[0].action", equalTo("conversation.escalated"))
                .body("entries[0].actorUserId", equalTo("sam.supervisor"))
                .body("entries[0].locationCode", equalTo("south")));
    }

    @Test
    void aRecordThatIsNotACloudEventIsParkedOnTheDeadLetterTopicWithItsOrigin() {
        String payload = "{\"note\":\"not a cloud event " + UUID.randomUUID() + "\"}";
        KafkaBroker.shared().send(List.of(new ProducerRecord<>(Topics.INBOUND_RECEIPTS, "carrier", payload)));

        await().atMost(WAIT).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> parked = KafkaBroker.shared()
                    .readAll(Topics.deadLetter(AllEventsConsumer.CHANNEL, AllEventsConsumer.CONSUMER),
                            Duration.ofSeconds(1))
                    .stream().filter(record -> payload.equals(record.value())).toList();
            assertEquals(1, parked.size());
            Header origin = parked.get(0).headers().lastHeader("dead-letter-topic");
            assertEquals(Topics.INBOUND_RECEIPTS, new String(origin.value(), StandardCharsets.UTF_8));
        });
    }

    @Test
    void everySearchIsItselfRecordedWithTheCallerAsActor() {
        String officer = "officer-" + UUID.randomUUID();
        String token = Staff.complianceOfficer(officer);
        given().header("Authorization", token).queryParam("conversationId", UUID.randomUUID().toString())
                .when().get("/api/audit/events").then()
                .statusCode(200)
                .body("total", equalTo(0));

        // This second search finds the first one and itself: both were written before any entry was read.
        given().header("Authorization", token).queryParam("actor", officer).queryParam("action", "audit.search")
                .when().get("/api/audit/events").then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("entries.actorUserId", contains(officer, officer))
                .body("entries.type", everyItem(equalTo("carethread.audit.searched.v1")))
                .body("entries.entryHash", everyItem(matchesPattern("[0-9a-f]{64}")));
    }

    @Test
    void supervisorsMaySearchToo() {
        String supervisor = "sup-" + UUID.randomUUID();
        given().header("Authorization", Staff.supervisor(supervisor)).queryParam("actor", supervisor)
                .when().get("/api/audit/events").then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("entries[0].action", equalTo("audit.search"));
    }

    @Test
    void pagesAreBoundedAndCounted() {
        String officer = "pager-" + UUID.randomUUID();
        String token = Staff.complianceOfficer(officer);
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", token).queryParam("actor", officer).queryParam("size", 2)
                    .queryParam("page", i == 2 ? 1 : 0)
                    .when().get("/api/audit/events").then()
                    .statusCode(200);
        }
        // Four searches so far including this one; page 1 of size 3 holds the fourth alone.
        given().header("Authorization", token).queryParam("actor", officer).queryParam("size", 3)
                .queryParam("page", 1)
                .when().get("/api/audit/events").then()
                .statusCode(200)
                .body("total", equalTo(4))
                .body("page", equalTo(1))
                .body("size", equalTo(3))
                .body("entries", hasSize(1));
    }
}
