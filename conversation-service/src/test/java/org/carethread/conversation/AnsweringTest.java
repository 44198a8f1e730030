package org.carethread.conversation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.StaffTokens;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.CloudEventHeaders;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.ConversationNoteAdded;
import org.carethread.schemas.events.OutboundRequested;
import org.carethread.schemas.events.PhiAccessed;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Answering patients beyond a plain reply, through the REST API, the real broker and the real database: templates
 * filled with the real values (and refused with a value missing), template versions, internal notes with mentions,
 * scheduled replies, and two colleagues answering at once.
 */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "conversation"))
class AnsweringTest {
    /** The seeded "Appointment confirmed" template. */
    private static final String APPOINTMENT_CONFIRMED = "6f1c2a10-0000-4000-8000-000000000001";

    @Inject
    ObjectMapper json;

    @Test
    void aTemplateIsFilledWithThePatientsAndClinicsWordsPreviewedAuditedSentAndCounted() {
        Practice practice = new Practice(json);
        String patient = Practice.newPatientNumber();
        practice.decision(patient, "north", "Can I come Friday?").identity("matched", "p-rosa").givenName("Rosa")
                .publish();
        String conversationId = conversation(patient);
        long usedBefore = usageCount(APPOINTMENT_CONFIRMED);
        String expected = "Hi Rosa, your appointment at North Clinic is confirmed for Friday 10:00 am. Reply here or"
                + " call (555) 000-1001 if anything changes. - Nora";

        given().auth().oauth2(Practice.northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("templateId", APPOINTMENT_CONFIRMED))
                .when().post("/api/conversations/" + conversationId + "/template-preview")
                .then().statusCode(200)
                .body("missing", equalTo(List.of("appointment_time")))
                .body("text", containsString("confirmed for {{appointment_time}}."));
        given().auth().oauth2(Practice.northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("templateId", APPOINTMENT_CONFIRMED, "values", Map.of("appointment_time", "Friday 10:00 am")))
                .when().post("/api/conversations/" + conversationId + "/template-preview")
                .then().statusCode(200)
                .body("missing", empty())
                .body("text", equalTo(expected))
                .body("version", equalTo(1));
        PhiAccessed preview = await().atMost(Duration.ofSeconds(20))
                .until(() -> Practice.recordsAbout(Topics.AUDIT_ACCESS, conversationId).stream()
                        .map(r -> practice.read(r, PhiAccessed.class))
                        .filter(a -> a.action().equals("template.preview")).toList(), l -> !l.isEmpty())
                .get(0);
        assertEquals(Practice.staffId("nora.north"), preview.staffUserId());

        given().auth().oauth2(Practice.northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("templateId", APPOINTMENT_CONFIRMED, "values", Map.of("appointment_time", "Friday 10:00 am")))
                .when().post("/api/conversations/" + conversationId + "/replies")
                .then().statusCode(202);
        OutboundRequested sent = practice.read(awaitOutbound(conversationId, 1).get(0), OutboundRequested.class);
        assertEquals(expected, TestCrypto.CIPHER.open(sent.sealedText()));
        assertEquals(usedBefore + 1, usageCount(APPOINTMENT_CONFIRMED));
    }

    @Test
    void aTemplateWithAVariableWithoutValueIsRefusedAndNothingIsSent() {
        Practice practice = new Practice(json);
        String patient = Practice.newPatientNumber();
        practice.decision(patient, "north", "Hi, who is this?").identity("new-contact", null).publish();
        String conversationId = conversation(patient);
        long usedBefore = usageCount(APPOINTMENT_CONFIRMED);

        given().auth().oauth2(Practice.northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("templateId", APPOINTMENT_CONFIRMED, "values", Map.of("appointment_time", " ")))
                .when().post("/api/conversations/" + conversationId + "/replies")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:carethread:problem:template-values-missing"))
                .body("detail", containsString("patient_first_name, appointment_time have no value"));
        given().auth().oauth2(Practice.northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("templateId", APPOINTMENT_CONFIRMED, "values", Map.of("patient_first_name", "Eve")))
                .when().post("/api/conversations/" + conversationId + "/replies")
                .then().statusCode(400)
                .body("detail", containsString("'values' may only hold the variables staff enter"));
        given().auth().oauth2(Practice.northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("text", "Hello", "templateId", APPOINTMENT_CONFIRMED))
                .when().post("/api/conversations/" + conversationId + "/replies")
                .then().statusCode(400);

        // A reply in the staff member's own words still goes; it is the only thing requested.
        given().auth().oauth2(Practice.northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("text", "Hello, this is North Clinic. Who are we speaking with?"))
                .when().post("/api/conversations/" + conversationId + "/replies")
                .then().statusCode(202);
        List<ConsumerRecord<String, String>> requested = awaitOutbound(conversationId, 1);
        assertEquals(1, requested.size());
        assertEquals("Hello, this is North Clinic. Who are we speaking with?",
                TestCrypto.CIPHER.open(practice.read(requested.get(0), OutboundRequested.class).sealedText()));
        assertEquals(usedBefore, usageCount(APPOINTMENT_CONFIRMED));
    }

    @Test
    void adminsKeepTemplatesInVersionsAndFrontDeskMayNot() {
        String admin = StaffTokens.issue("ada.admin", List.of("practice-admin"), List.of("north", "south"));
        String name = "Lab results ready " + UUID.randomUUID();
        Map<String, String> draft = Map.of("name", name, "category", "test-results",
                "body", "Hi {{patient_first_name}}, your results are ready. Call {{location_phone}}.");

        given().auth().oauth2(Practice.northFrontDesk()).contentType(ContentType.JSON).body(draft)
                .when().post("/api/templates").then().statusCode(403);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", name, "category", "test-results", "body", "Hi {{first_name}}, call {{clinic}"))
                .when().post("/api/templates")
                .then().statusCode(400)
                .body("detail", containsString("Unknown variable {{first_name}}"))
                .body("detail", containsString("Unmatched {{ or }}"));
        String id = given().auth().oauth2(admin).contentType(ContentType.JSON).body(draft)
                .when().post("/api/templates")
                .then().statusCode(201)
                .header("ETag", "\"1\"")
                .body("variables", equalTo(List.of("patient_first_name", "location_phone")))
                .extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(draft)
                .when().post("/api/templates").then().statusCode(409);

        Map<String, String> second = Map.of("name", name, "category", "test-results",
                "body", "Hi {{patient_first_name}}, your results are in. Please call {{location_phone}}.");
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(second)
                .when().put("/api/templates/" + id)
                .then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2));
        given().auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(draft)
                .when().put("/api/templates/" + id)
                .then().statusCode(412).body("type", equalTo("urn:carethread:problem:template-changed"));
        given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/templates/" + id + "/versions")
                .then().statusCode(200)
                .body("version", equalTo(List.of(2, 1)))
                .body("[1].body", equalTo(draft.get("body")));
        given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/templates?category=test-results")
                .then().statusCode(200).body("name", hasItem(name));

        given().auth().oauth2(admin).when().delete("/api/templates/" + id)
                .then().statusCode(200).body("active", equalTo(false));
        given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/templates")
                .then().statusCode(200).body("name", not(hasItem(name)));
        given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/templates/variables")
                .then().statusCode(200).body("find { it.code == 'appointment_time' }.entered", equalTo(true));
    }

    @Test
    void aNoteStaysWithStaffSealedAndTellsTheColleaguesItMentions() throws Exception {
        Practice practice = new Practice(json);
        String patient = Practice.newPatientNumber();
        practice.decide(patient, "north", "My chest feels tight after the new pills");
        String conversationId = conversation(patient);
        String text = "Patient reports tightness after starting lisinopril. @Nurse.Nell please call; cc @sam.south.";

        given().auth().oauth2(Practice.northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("text", text))
                .when().post("/api/conversations/" + conversationId + "/notes")
                .then().statusCode(201)
                .body("mentions", equalTo(List.of("nurse.nell", "sam.south")))
                .body("authorName", equalTo("nora.north"));

        ConversationNoteAdded added = await().atMost(Duration.ofSeconds(20))
                .until(() -> Practice.recordsAbout(Topics.CONVERSATION_EVENTS, conversationId).stream()
                        .filter(r -> EventTypes.CONVERSATION_NOTE_ADDED.equals(Practice.header(r, CloudEventHeaders.TYPE)))
                        .map(r -> practice.read(r, ConversationNoteAdded.class)).toList(), l -> !l.isEmpty())
                .get(0);
        assertEquals(List.of("nurse.nell", "sam.south"), added.mentions());
        assertFalse(Practice.recordsAbout(Topics.CONVERSATION_EVENTS, conversationId).stream()
                .anyMatch(r -> r.value().contains("lisinopril")), "the note's words never travel on Kafka");
        try (var db = Practice.database(); var query = db.prepareStatement(
                "select sealed_text from conversation_note where conversation_id = ?::uuid")) {
            query.setString(1, conversationId);
            ResultSet row = query.executeQuery();
            assertTrue(row.next());
            assertFalse(row.getString(1).contains("lisinopril"), "sealed at rest");
        }

        String nurse = StaffTokens.issue("nurse.nell", List.of("nurse"), List.of("north"));
        String mentionId = given().auth().oauth2(nurse).when().get("/api/mentions")
                .then().statusCode(200)
                .body("conversationId", hasItem(conversationId))
                .extract().path("find { it.conversationId == '" + conversationId + "' }.id");
        // Sam works at South: a mention at North is not theirs to see, like the conversation.
        given().auth().oauth2(Practice.southFrontDesk()).when().get("/api/mentions")
                .then().statusCode(200).body("conversationId", not(hasItem(conversationId)));
        given().auth().oauth2(Practice.northFrontDesk()).when().post("/api/mentions/" + mentionId + "/seen")
                .then().statusCode(404);
        given().auth().oauth2(nurse).when().post("/api/mentions/" + mentionId + "/seen")
                .then().statusCode(200).body("seenAt", notNullValue());
        given().auth().oauth2(nurse).when().get("/api/mentions")
                .then().body("id", not(hasItem(mentionId)));
        given().auth().oauth2(nurse).when().get("/api/mentions?unseen=false")
                .then().body("id", hasItem(mentionId));

        given().auth().oauth2(Practice.northFrontDesk()).when().get("/api/conversations/" + conversationId)
                .then().statusCode(200)
                .body("notes", hasSize(1))
                .body("notes[0].text", equalTo(text))
                .body("messages", hasSize(1));
        given().auth().oauth2(Practice.northFrontDesk()).when().get("/api/conversations/" + conversationId + "/history")
                .then().body("action", hasItem("note"));
        // A reply afterwards is the only thing ever requested from notification-service.
        given().auth().oauth2(Practice.northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("text", "A nurse will call you shortly."))
                .when().post("/api/conversations/" + conversationId + "/replies").then().statusCode(202);
        List<ConsumerRecord<String, String>> requested = awaitOutbound(conversationId, 1);
        assertEquals(1, requested.size());
        assertFalse(requested.get(0).value().contains("lisinopril"));
        given().auth().oauth2(Practice.southFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("text", "from another location"))
                .when().post("/api/conversations/" + conversationId + "/notes").then().statusCode(404);
    }

    @Test
    void aScheduledReplyGoesOutAtItsTimeByItsAuthorAndACancelledOneNever() {
        Practice practice = new Practice(json);
        String patient = Practice.newPatientNumber();
        practice.decide(patient, "north", "Are my lab results back?");
        String conversationId = conversation(patient);
        String soon = OffsetDateTime.now(ZoneOffset.ofHours(-5)).plusSeconds(2).toString();
        String later = OffsetDateTime.now(ZoneOffset.ofHours(-5)).plusHours(12).toString();

        given().auth().oauth2(Practice.northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("text", "Tomorrow's reminder", "sendAt", OffsetDateTime.now().minusMinutes(1).toString()))
                .when().post("/api/conversations/" + conversationId + "/scheduled-replies").then().statusCode(400);
        String laterId = given().auth().oauth2(Practice.northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("text", "Reminder: fasting labs tomorrow 8 am", "sendAt", later))
                .when().post("/api/conversations/" + conversationId + "/scheduled-replies")
                .then().statusCode(201).body("status", equalTo("scheduled")).body("text", nullValue())
                .extract().path("id");
        String soonId = given().auth().oauth2(Practice.northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("text", "Your results are back and normal.", "sendAt", soon))
                .when().post("/api/conversations/" + conversationId + "/scheduled-replies")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Practice.northFrontDesk()).when().get("/api/conversations/" + conversationId)
                .then().body("scheduledReplies.id", hasItem(laterId))
                .body("scheduledReplies.find { it.id == '" + laterId + "' }.text",
                        equalTo("Reminder: fasting labs tomorrow 8 am"));

        given().auth().oauth2(Practice.northFrontDesk())
                .when().delete("/api/conversations/" + conversationId + "/scheduled-replies/" + laterId)
                .then().statusCode(200).body("status", equalTo("cancelled")).body("cancelledBy", equalTo("nora.north"));
        given().auth().oauth2(Practice.northFrontDesk())
                .when().delete("/api/conversations/" + conversationId + "/scheduled-replies/" + laterId)
                .then().statusCode(409);

        OutboundRequested sent = practice.read(awaitOutbound(conversationId, 1).get(0), OutboundRequested.class);
        assertEquals("Your results are back and normal.", TestCrypto.CIPHER.open(sent.sealedText()));
        assertEquals(Practice.staffId("nora.north"), sent.requestedBy());
        given().auth().oauth2(Practice.northFrontDesk()).when().get("/api/conversations/" + conversationId)
                .then().body("scheduledReplies", empty())
                .body("status", equalTo("awaiting-patient"))
                .body("messages[1].text", equalTo("Your results are back and normal."))
                .body("messages[1].sentByName", equalTo("nora.north"));
        given().auth().oauth2(Practice.northFrontDesk())
                .when().delete("/api/conversations/" + conversationId + "/scheduled-replies/" + soonId)
                .then().statusCode(409).body("type", equalTo("urn:carethread:problem:scheduled-reply-sent"));
        assertEquals(1, Practice.recordsAbout(Topics.OUTBOUND_REQUESTS, conversationId).size(),
                "the cancelled reply was never requested");
    }

    @Test
    void twoColleaguesAnsweringTheSameVersionSendOneReplyAndTheOtherIsTold() {
        Practice practice = new Practice(json);
        String patient = Practice.newPatientNumber();
        practice.decide(patient, "north", "Is the clinic open Saturday?");
        String conversationId = conversation(patient);
        String etag = given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/conversations/" + conversationId).then().statusCode(200).extract().header("ETag");
        String colleague = StaffTokens.issue("fran.north", List.of("front-desk"), List.of("north"));

        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (String token : List.of(Practice.northFrontDesk(), colleague)) {
            answers.add(CompletableFuture.supplyAsync(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                    .header("If-Match", etag).body(Map.of("text", "We are open 9 to 12 on Saturdays."))
                    .when().post("/api/conversations/" + conversationId + "/replies")
                    .then().extract().statusCode()));
        }
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).sorted().toList();
        assertEquals(List.of(202, 412), statuses);
        awaitOutbound(conversationId, 1);
        given().auth().oauth2(Practice.northFrontDesk()).when().get("/api/conversations/" + conversationId)
                .then().body("messages", hasSize(2));
        assertEquals(1, Practice.recordsAbout(Topics.OUTBOUND_REQUESTS, conversationId).size());
    }

    private static String conversation(String patient) {
        return (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), patient).get("id");
    }

    private static List<ConsumerRecord<String, String>> awaitOutbound(String conversationId, int count) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> Practice.recordsAbout(Topics.OUTBOUND_REQUESTS, conversationId), r -> r.size() >= count);
    }

    private static long usageCount(String templateId) {
        return ((Number) given().auth().oauth2(Practice.northFrontDesk()).when().get("/api/templates/" + templateId)
                .then().statusCode(200).extract().path("usageCount")).longValue();
    }
}
