package org.carethread.conversation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.CloudEventHeaders;
import org.carethread.schemas.DeliveryStatus;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.ConversationMessageAdded;
import org.carethread.schemas.events.ConversationReplied;
import org.carethread.schemas.events.OutboundRequested;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Staff answering patients, as the notification service, the audit service and the staff member observe it. */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "conversation"))
class StaffReplyTest {

    @Inject
    ObjectMapper json;

    Practice practice;
    String patient;
    String conversationId;

    @BeforeEach
    void aPatientWrote() {
        practice = new Practice(json);
        patient = Practice.newPatientNumber();
        practice.decide(patient, "north", "Can I move my appointment to Friday?");
        conversationId = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), patient).get("id");
    }

    @Test
    void aReplyIsQueuedAndRequestedFromNotificationWithItsIdAsTheSendKey() {
        var accepted = given().auth().oauth2(Practice.northFrontDesk())
                .contentType(ContentType.JSON).body(Map.of("text", "Yes, Friday at 10:00 works."))
                .when().post("/api/conversations/" + conversationId + "/replies")
                .then().statusCode(202)
                .body("deliveryStatus", equalTo("QUEUED"))
                .extract();
        String replyId = accepted.path("id");
        assertThat(accepted.header("Location"), endsWith("/api/conversations/" + conversationId + "/replies/" + replyId));
        given().auth().oauth2(Practice.northFrontDesk())
                .when().get(accepted.header("Location"))
                .then().statusCode(200)
                .body("deliveryStatus", equalTo("QUEUED"));

        ConsumerRecord<String, String> request = await().atMost(Duration.ofSeconds(20))
                .until(() -> Practice.recordsAbout(Topics.OUTBOUND_REQUESTS, conversationId), r -> !r.isEmpty()).get(0);
        assertEquals(EventTypes.OUTBOUND_REQUESTED, Practice.header(request, CloudEventHeaders.TYPE));
        assertEquals(Practice.patientRef(patient), request.key());
        OutboundRequested outbound = practice.read(request, OutboundRequested.class);
        assertEquals(replyId, outbound.outboundId());
        assertEquals(conversationId, outbound.conversationId());
        assertEquals("Yes, Friday at 10:00 works.", TestCrypto.CIPHER.open(outbound.sealedText()));
        assertEquals(patient, TestCrypto.CIPHER.open(outbound.sealedTo()));
        assertEquals(Practice.NORTH_NUMBER, outbound.practiceNumber());
        assertEquals(Practice.staffId("nora.north"), outbound.requestedBy());
        assertFalse(request.value().contains("Friday at 10:00"), "the text travels sealed");

        List<ConsumerRecord<String, String>> conversationEvents = await().atMost(Duration.ofSeconds(20))
                .until(() -> Practice.recordsAbout(Topics.CONVERSATION_EVENTS, conversationId), r -> r.size() >= 4);
        ConsumerRecord<String, String> replied = conversationEvents.stream()
                .filter(r -> EventTypes.CONVERSATION_REPLIED.equals(Practice.header(r, CloudEventHeaders.TYPE)))
                .findFirst().orElseThrow();
        assertEquals(replyId, practice.read(replied, ConversationReplied.class).messageId());
        ConversationMessageAdded outboundAdded = conversationEvents.stream()
                .filter(r -> EventTypes.CONVERSATION_MESSAGE_ADDED.equals(Practice.header(r, CloudEventHeaders.TYPE)))
                .map(r -> practice.read(r, ConversationMessageAdded.class))
                .filter(e -> e.messageId().equals(replyId)).findFirst().orElseThrow();
        assertEquals("outbound", outboundAdded.direction());

        given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/conversations/" + conversationId)
                .then().statusCode(200)
                .body("messages", hasSize(2))
                .body("messages[1].id", equalTo(replyId))
                .body("messages[1].direction", equalTo("outbound"))
                .body("messages[1].text", equalTo("Yes, Friday at 10:00 works."))
                .body("messages[1].deliveryStatus", equalTo("QUEUED"))
                .body("messages[1].sentBy", equalTo(Practice.staffId("nora.north")))
                .body("messages[1].sentByName", equalTo("nora.north"));
    }

    @Test
    void aRepeatedRequestWithTheSameIdempotencyKeySendsOnce() {
        String key = UUID.randomUUID().toString();
        String first = reply(key, "See you Friday.");
        String second = reply(key, "See you Friday.");
        assertEquals(first, second);
        String other = reply(UUID.randomUUID().toString(), "Bring your insurance card.");
        assertFalse(other.equals(first));

        List<String> requested = await().atMost(Duration.ofSeconds(20))
                .until(() -> Practice.recordsAbout(Topics.OUTBOUND_REQUESTS, conversationId).stream()
                        .map(r -> practice.read(r, OutboundRequested.class).outboundId()).toList(),
                        ids -> ids.contains(other));
        assertEquals(List.of(first, other), requested);
        given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/conversations/" + conversationId)
                .then().body("messages", hasSize(3));
    }

    @Test
    void deliveryStatusOnlyMovesForward() {
        String replyId = reply(null, "Your refill is ready.");
        practice.deliveryStatus(replyId, conversationId, patient, DeliveryStatus.SUBMITTED, null);
        practice.deliveryStatus(replyId, conversationId, patient, DeliveryStatus.DELIVERED, null);
        practice.deliveryStatus(replyId, conversationId, patient, DeliveryStatus.SUBMITTED, null);
        // Same patient key, same partition: when this one shows, the late SUBMITTED before it was applied.
        String secondReply = reply(null, "Pick it up at the front desk.");
        practice.deliveryStatus(secondReply, conversationId, patient, DeliveryStatus.FAILED, "number unreachable");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/conversations/" + conversationId + "/replies/" + secondReply)
                .then().statusCode(200)
                .body("deliveryStatus", equalTo("FAILED"))
                .body("failureReason", equalTo("number unreachable")));
        given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/conversations/" + conversationId)
                .then().statusCode(200)
                .body("messages.find { it.id == '" + replyId + "' }.deliveryStatus", equalTo("DELIVERED"))
                .body("messages.find { it.id == '" + replyId + "' }.failureReason", equalTo(null));
    }

    @Test
    void aReplyMustHaveTextThatFitsATextMessage() {
        for (Object body : List.of(Map.of(), Map.of("text", ""), Map.of("text", "   "), Map.of("text", "x".repeat(1601)))) {
            given().auth().oauth2(Practice.northFrontDesk())
                    .contentType(ContentType.JSON).body(body)
                    .when().post("/api/conversations/" + conversationId + "/replies")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("title", notNullValue())
                    .body("detail", notNullValue());
        }
        for (String unreadable : List.of("{\"text\": \"unterminated", "{\"text\": {\"nested\": true}}")) {
            given().auth().oauth2(Practice.northFrontDesk())
                    .contentType(ContentType.JSON).body(unreadable)
                    .when().post("/api/conversations/" + conversationId + "/replies")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("JSON"))
                    .body("detail", not(containsString("nested")));
        }
        given().auth().oauth2(Practice.northFrontDesk())
                .contentType(ContentType.JSON).body(Map.of("text", "x".repeat(1600)))
                .when().post("/api/conversations/" + conversationId + "/replies")
                .then().statusCode(202);
        given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/conversations/" + conversationId)
                .then().body("messages", hasSize(2));
    }

    @Test
    void staffCannotReplyOutsideTheirLocations() {
        given().auth().oauth2(Practice.southFrontDesk())
                .contentType(ContentType.JSON).body(Map.of("text", "hello"))
                .when().post("/api/conversations/" + conversationId + "/replies")
                .then().statusCode(404).contentType("application/problem+json");
        assertEquals(0, Practice.recordsAbout(Topics.OUTBOUND_REQUESTS, conversationId).size());
    }

    @Test
    void aResolvedConversationRefusesReplies() {
        given().auth().oauth2(Practice.northFrontDesk())
                .contentType(ContentType.JSON).body(Map.of("outcome", "no-action-needed"))
                .when().post("/api/conversations/" + conversationId + "/resolve")
                .then().statusCode(200).body("status", equalTo("resolved"));
        given().auth().oauth2(Practice.northFrontDesk())
                .contentType(ContentType.JSON).body(Map.of("text", "hello"))
                .when().post("/api/conversations/" + conversationId + "/replies")
                .then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Conversation is resolved"));
        assertEquals(0, Practice.recordsAbout(Topics.OUTBOUND_REQUESTS, conversationId).size());
    }

    private String reply(String idempotencyKey, String text) {
        var request = given().auth().oauth2(Practice.northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("text", text));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post("/api/conversations/" + conversationId + "/replies")
                .then().statusCode(202).extract().path("id");
    }
}
