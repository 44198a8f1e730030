package org.carethread.conversation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.KafkaBroker;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.CloudEventHeaders;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.ConversationMessageAdded;
import org.carethread.schemas.events.ConversationOpened;
import org.carethread.schemas.events.PhiAccessed;
import org.carethread.schemas.events.RoutingDecided;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Patient messages arriving from routing, as staff at each location and the audit service observe them. */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "conversation"))
class InboundConversationTest {

    @Inject
    ObjectMapper json;

    Practice practice;

    @BeforeEach
    void setUp() {
        practice = new Practice(json);
    }

    @Test
    void aRoutedMessageOpensAConversationSeenOnlyAtItsLocation() {
        String patient = Practice.newPatientNumber();
        practice.decide(patient, "north", "My prescription ran out, can I get a refill?");

        var entry = Practice.awaitInboxEntry(Practice.northFrontDesk(), patient);
        String conversationId = (String) entry.get("id");
        assertEquals("north", entry.get("locationCode"));
        assertEquals("north-front-desk", entry.get("queue"));
        assertEquals("sms", entry.get("channel"));
        assertEquals("unassigned", entry.get("status"));
        assertEquals(1, entry.get("messageCount"));

        assertTrue(Practice.inboxEntry(Practice.southFrontDesk(), patient).isEmpty(),
                "a south clinic user must not see a north conversation");
        String outOfScope = given().auth().oauth2(Practice.southFrontDesk())
                .when().get("/api/conversations/" + conversationId)
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404))
                .extract().body().asString();
        String nonexistent = given().auth().oauth2(Practice.southFrontDesk())
                .when().get("/api/conversations/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .extract().body().asString();
        assertEquals(nonexistent, outOfScope, "out of scope must read exactly like nonexistent");

        given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/conversations/" + conversationId)
                .then().statusCode(200)
                .body("patient.address", equalTo(patient))
                .body("messages", hasSize(1))
                .body("messages[0].direction", equalTo("inbound"))
                .body("messages[0].text", equalTo("My prescription ran out, can I get a refill?"))
                .body("messages[0].deliveryStatus", equalTo(null));

        List<ConsumerRecord<String, String>> events = await().atMost(Duration.ofSeconds(20))
                .until(() -> Practice.recordsAbout(Topics.CONVERSATION_EVENTS, conversationId), r -> r.size() >= 2);
        ConsumerRecord<String, String> opened = events.get(0);
        assertEquals(EventTypes.CONVERSATION_OPENED, Practice.header(opened, CloudEventHeaders.TYPE));
        assertEquals(Practice.patientRef(patient), opened.key());
        ConversationOpened openedEvent = practice.read(opened, ConversationOpened.class);
        assertEquals("north", openedEvent.locationCode());
        assertEquals("north-front-desk", openedEvent.queue());
        ConsumerRecord<String, String> added = events.get(1);
        assertEquals(EventTypes.CONVERSATION_MESSAGE_ADDED, Practice.header(added, CloudEventHeaders.TYPE));
        assertEquals("inbound", practice.read(added, ConversationMessageAdded.class).direction());
        assertFalse(added.value().contains("prescription"), "conversation events never carry the text");
    }

    @Test
    void readingAConversationIsAuditedWithTheReaderAndTheirAddress() {
        String patient = Practice.newPatientNumber();
        practice.decide(patient, "north", "Is the clinic open on Saturday?");
        String conversationId = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), patient).get("id");
        assertTrue(Practice.recordsAbout(Topics.AUDIT_ACCESS, conversationId).isEmpty(), "listing is not a PHI read");

        given().auth().oauth2(Practice.northFrontDesk())
                .header("X-Forwarded-For", "203.0.113.7, 10.0.0.2")
                .when().get("/api/conversations/" + conversationId)
                .then().statusCode(200);

        ConsumerRecord<String, String> audit = await().atMost(Duration.ofSeconds(20))
                .until(() -> Practice.recordsAbout(Topics.AUDIT_ACCESS, conversationId), r -> !r.isEmpty()).get(0);
        assertEquals(EventTypes.PHI_ACCESSED, Practice.header(audit, CloudEventHeaders.TYPE));
        assertEquals("/carethread/conversation-service", Practice.header(audit, CloudEventHeaders.SOURCE));
        assertEquals(Practice.patientRef(patient), audit.key());
        PhiAccessed access = practice.read(audit, PhiAccessed.class);
        assertEquals(Practice.staffId("nora.north"), access.staffUserId());
        assertEquals(List.of("front-desk"), access.staffRoles());
        assertEquals("conversation.read", access.action());
        assertEquals(conversationId, access.conversationId());
        assertEquals("north", access.locationCode());
        assertEquals("203.0.113.7", access.clientAddress());
        assertFalse(audit.value().contains(patient), "the audit event holds no phone number");
    }

    @Test
    void laterMessagesJoinTheOpenConversationAndRedeliveriesAddNothing() {
        String patient = Practice.newPatientNumber();
        String messageEventId = UUID.randomUUID().toString();
        String firstDecision = practice.decide(patient, "north", "first", UUID.randomUUID().toString(), messageEventId);
        String conversationId = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), patient).get("id");
        practice.decide(patient, "north", "second");
        // The same decision redelivered, and routing deciding again on the same patient message.
        practice.decide(patient, "north", "first", firstDecision, messageEventId);
        practice.decide(patient, "north", "first", UUID.randomUUID().toString(), messageEventId);
        // Same patient, same partition: once this one is in, the duplicates before it were handled.
        practice.decide(patient, "north", "third");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/conversations/" + conversationId)
                .then().statusCode(200)
                .body("messages.text", equalTo(List.of("first", "second", "third"))));
        var entry = Practice.inboxEntry(Practice.northFrontDesk(), patient).orElseThrow();
        assertEquals(conversationId, entry.get("id"), "still one conversation for the patient");
        assertEquals(3, entry.get("messageCount"));
    }

    @Test
    void oneMatchedPatientWritingOnAnotherChannelJoinsTheSameThreadAndAnUnmatchedSenderDoesNot() {
        String phone = Practice.newPatientNumber();
        // unique domains, so each masked address finds its own conversation
        String email = "p@" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        String patientId = "pat-" + UUID.randomUUID();
        practice.decision(phone, "north", "Can I get my forms?").identity("matched", patientId).publish();
        String conversationId = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), phone).get("id");

        // the same directory patient by e-mail, then someone unknown from another address
        practice.decision(email, "north", "Attaching the signed form").channel("email")
                .identity("matched", patientId).publish();
        String stranger = "s@" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        practice.decision(stranger, "north", "Who do I ask about forms?").channel("email")
                .identity("new-contact", null).publish();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/conversations/" + conversationId)
                .then().statusCode(200)
                .body("messages.text", equalTo(List.of("Can I get my forms?", "Attaching the signed form")))
                .body("messages.channel", equalTo(List.of("sms", "email")))
                .body("channel", equalTo("sms")));
        String strangers = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), stranger).get("id");
        assertFalse(conversationId.equals(strangers), "an unmatched sender gets a conversation of their own");
        assertTrue(Practice.inboxEntry(Practice.northFrontDesk(), email).isEmpty(),
                "no separate conversation for the patient's e-mail");

        // resolved, the patient's next e-mail reopens the same thread
        given().auth().oauth2(Practice.northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "intake-completed"))
                .when().post("/api/conversations/" + conversationId + "/resolve").then().statusCode(200);
        practice.decision(email, "north", "One more question").channel("email").identity("matched", patientId)
                .publish();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/conversations/" + conversationId)
                .then().statusCode(200).body("status", equalTo("unassigned")).body("messages.size()", equalTo(3)));
    }

    @Test
    void theSamePatientAtAnotherLocationHasASeparateConversation() {
        String patient = Practice.newPatientNumber();
        practice.decide(patient, "north", "hello north");
        practice.decide(patient, "south", "hello south");
        String north = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), patient).get("id");
        String south = (String) Practice.awaitInboxEntry(Practice.southFrontDesk(), patient).get("id");
        assertFalse(north.equals(south));
        given().auth().oauth2(Practice.southFrontDesk())
                .when().get("/api/conversations/" + south)
                .then().statusCode(200)
                .body("messages.text", equalTo(List.of("hello south")));
    }

    @Test
    void patientTextAndAddressAreSealedAtRest() throws Exception {
        String patient = Practice.newPatientNumber();
        String text = "My lab results " + UUID.randomUUID();
        practice.decide(patient, "north", text);
        String conversationId = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), patient).get("id");

        try (var db = Practice.database();
                var query = db.prepareStatement("select m.sealed_text, c.sealed_patient_address, c.patient_ref"
                        + " from message m join conversation c on c.id = m.conversation_id where c.id = ?")) {
            query.setObject(1, UUID.fromString(conversationId));
            var row = query.executeQuery();
            assertTrue(row.next());
            String sealedText = row.getString(1);
            String sealedAddress = row.getString(2);
            assertFalse(sealedText.contains(text) || sealedText.contains("lab results"));
            assertFalse(sealedAddress.contains(patient));
            assertEquals(text, TestCrypto.CIPHER.open(sealedText));
            assertEquals(patient, TestCrypto.CIPHER.open(sealedAddress));
            assertEquals(Practice.patientRef(patient), row.getString(3));
        }
    }

    @Test
    void aDecisionWithUnsealedTextIsDeadLetteredAndNeverStored() throws Exception {
        String patient = Practice.newPatientNumber();
        String eventId = UUID.randomUUID().toString();
        RoutingDecided unsealed = new RoutingDecided(UUID.randomUUID().toString(), "vonage-x", "sms",
                Practice.patientRef(patient), TestCrypto.CIPHER.seal(patient), Practice.NORTH_NUMBER,
                "plain text that must never be stored", java.time.Instant.now(), "north", "north-front-desk", "test",
                java.time.Instant.now(), null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        practice.publish(Topics.ROUTING_DECISIONS, EventTypes.ROUTING_DECIDED, eventId, unsealed.patientRef(),
                unsealed);

        String deadLetters = Topics.deadLetter(Topics.ROUTING_DECISIONS, "conversation-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaBroker.shared()
                .readAll(deadLetters, Duration.ofSeconds(1)).stream()
                .anyMatch(r -> eventId.equals(Practice.header(r, CloudEventHeaders.ID))));
        assertTrue(Practice.inboxEntry(Practice.northFrontDesk(), patient).isEmpty());
        try (var db = Practice.database();
                var query = db.prepareStatement("select count(*) from message where sealed_text like ?")) {
            query.setString(1, "%must never be stored%");
            var row = query.executeQuery();
            row.next();
            assertEquals(0, row.getInt(1));
        }
    }
}
