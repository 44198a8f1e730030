package org.carethread.conversation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.CloudEventHeaders;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.OnCallAlerted;
import org.carethread.schemas.events.OutboundRequested;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Routing's triage and decision reaching staff: priority and order of the inbox, why a conversation is here, automatic
 * replies sent once, on-call alerts and patient links, as staff, the notification service and the database see them.
 */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "conversation"))
class TriageRoutingTest {
    private static final String SAFETY_REPLY = "If this is an emergency, call 911 now. For a mental health crisis,"
            + " call or text 988.";
    private static final String AFTER_HOURS_REPLY = "La clínica está cerrada. Le responderemos mañana a partir de las"
            + " 8:00.";

    @Inject
    ObjectMapper json;

    Practice practice;

    @BeforeEach
    void setUp() {
        practice = new Practice(json);
    }

    @Test
    void anEmergencyIsCriticalListedFirstExplainedAndTheSafetyReplyIsRequestedOnce() {
        String patient = Practice.newPatientNumber();
        String messageEventId = UUID.randomUUID().toString();
        var emergency = practice.decision(patient, "north", "Crushing chest pain since an hour, left arm numb")
                .messageEventId(messageEventId)
                .emergency(SAFETY_REPLY, "Mentions chest pain: \"Crushing chest pain\"", "Mentions arm numbness")
                .rule("safety-chest-pain", 7)
                .directedTo("team:clinical")
                .identity("matched", "patient-0042");
        emergency.publish();

        var entry = Practice.awaitInboxEntry(Practice.northFrontDesk(), patient);
        String conversationId = (String) entry.get("id");
        assertEquals("critical", entry.get("priority"));
        assertEquals("emergency", entry.get("urgency"));
        assertEquals("clinical-question", entry.get("category"));
        assertEquals("matched", entry.get("identity"));
        assertEquals("patient-0042", entry.get("patientId"));
        assertEquals("team:clinical", entry.get("directedTo"));
        assertEquals("north-clinical", entry.get("queue"));
        assertNotNull(entry.get("clockStartedAt"));
        assertNull(entry.get("alertedAt"));
        assertFalse(entry.toString().contains("chest"), "the list carries no triage reasons");

        String automaticId = detail(conversationId)
                .body("priority", equalTo("critical"))
                .body("routing.reason", equalTo("Possible emergency: safety route"))
                .body("routing.ruleId", equalTo("safety-chest-pain"))
                .body("routing.rulesVersion", equalTo(7))
                .body("routing.category", equalTo("clinical-question"))
                .body("routing.urgency", equalTo("emergency"))
                .body("routing.priority", equalTo("critical"))
                .body("routing.triageReasons",
                        contains("Mentions chest pain: \"Crushing chest pain\"", "Mentions arm numbness"))
                .body("routing.directedTo", equalTo("team:clinical"))
                .body("routing.identity", equalTo("matched"))
                .body("routing.autoReplyKind", equalTo("safety"))
                .body("routing.replyLanguage", equalTo("en"))
                .body("messages", hasSize(2))
                .body("messages[0].direction", equalTo("inbound"))
                .body("messages[0].kind", nullValue())
                .body("messages[1].direction", equalTo("outbound"))
                .body("messages[1].kind", equalTo("safety"))
                .body("messages[1].text", equalTo(SAFETY_REPLY))
                .body("messages[1].sentBy", nullValue())
                .body("messages[1].sentByName", equalTo("CareThread (automatic)"))
                .body("messages[1].deliveryStatus", equalTo("QUEUED"))
                .extract().path("messages[1].id");

        // The decision redelivered, routing deciding again on the same message, then the patient's "thanks".
        emergency.publish();
        practice.decision(patient, "north", "Crushing chest pain since an hour, left arm numb")
                .messageEventId(messageEventId).emergency(SAFETY_REPLY, "again").publish();
        practice.decision(patient, "north", "thank you").triage("general", "routine", "normal", "Says thanks")
                .publish();
        // A more recent routine conversation from someone else still comes after the emergency.
        String other = Practice.newPatientNumber();
        practice.decision(other, "north", "Can I get a copy of my invoice?")
                .triage("billing", "routine", "normal", "Asks for an invoice").publish();
        String otherId = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), other).get("id");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> detail(conversationId)
                .body("messages.text", contains("Crushing chest pain since an hour, left arm numb", SAFETY_REPLY,
                        "thank you")));
        detail(conversationId)
                .body("priority", equalTo("critical"))
                .body("urgency", equalTo("routine"))
                .body("routing.urgency", equalTo("routine"))
                .body("routing.priority", equalTo("critical"))
                .body("routing.triageReasons", contains("Says thanks"));

        List<Map<String, Object>> inbox = list("limit=200");
        List<Object> ids = inbox.stream().map(c -> c.get("id")).toList();
        int emergencyAt = ids.indexOf(conversationId);
        assertTrue(emergencyAt >= 0 && emergencyAt < ids.indexOf(otherId), "the emergency comes before newer work");
        assertTrue(inbox.subList(0, emergencyAt).stream().allMatch(c -> "critical".equals(c.get("priority"))),
                "only critical conversations come before it");

        // Everything written after the duplicates is on Kafka; still exactly one send request, and it stays one.
        await().atMost(Duration.ofSeconds(20)).until(() -> messagesAdded(conversationId) >= 3);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> Practice.recordsAbout(Topics.OUTBOUND_REQUESTS, conversationId).size() == 1);
        ConsumerRecord<String, String> request = Practice.recordsAbout(Topics.OUTBOUND_REQUESTS, conversationId).get(0);
        assertEquals(EventTypes.OUTBOUND_REQUESTED, Practice.header(request, CloudEventHeaders.TYPE));
        assertEquals(Practice.patientRef(patient), request.key());
        OutboundRequested outbound = practice.read(request, OutboundRequested.class);
        assertEquals(automaticId, outbound.outboundId());
        assertEquals(SAFETY_REPLY, TestCrypto.CIPHER.open(outbound.sealedText()));
        assertEquals(patient, TestCrypto.CIPHER.open(outbound.sealedTo()));
        assertEquals(Practice.NORTH_NUMBER, outbound.practiceNumber());
        assertEquals("system", outbound.requestedBy());
        assertFalse(request.value().contains("call 911"), "the reply travels sealed");
    }

    @Test
    void anAfterHoursMessageGetsTheAfterHoursReplyOnceAndItsClockStartsAtTheNextOpening() {
        String patient = Practice.newPatientNumber();
        Instant nextOpening = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        var decision = practice.decision(patient, "north", "¿Puedo cambiar mi cita al viernes?")
                .triage("scheduling", "routine", "low", "Asks to move an appointment")
                .autoReply("after-hours", AFTER_HOURS_REPLY, "es")
                .clockStartsAt(nextOpening);
        decision.publish();
        decision.publish();
        String conversationId = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), patient).get("id");
        // Routing does not reply again within its interval; a later message after hours has the same clock start.
        practice.decision(patient, "north", "Gracias").triage("general", "routine", "low", "Says thanks")
                .clockStartsAt(nextOpening).publish();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> detail(conversationId)
                .body("messages.text", contains("¿Puedo cambiar mi cita al viernes?", AFTER_HOURS_REPLY, "Gracias")));
        var entry = Practice.inboxEntry(Practice.northFrontDesk(), patient).orElseThrow();
        assertEquals("low", entry.get("priority"));
        assertEquals(nextOpening, Instant.parse((String) entry.get("clockStartedAt")));
        detail(conversationId)
                .body("messages[1].kind", equalTo("after-hours"))
                .body("messages[1].sentByName", equalTo("CareThread (automatic)"))
                .body("routing.replyLanguage", equalTo("es"))
                .body("routing.autoReplyKind", nullValue())
                .body("status", equalTo("unassigned"));

        await().atMost(Duration.ofSeconds(20)).until(() -> messagesAdded(conversationId) >= 3);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> Practice.recordsAbout(Topics.OUTBOUND_REQUESTS, conversationId).size() == 1);
        OutboundRequested outbound = practice.read(
                Practice.recordsAbout(Topics.OUTBOUND_REQUESTS, conversationId).get(0), OutboundRequested.class);
        assertEquals(AFTER_HOURS_REPLY, TestCrypto.CIPHER.open(outbound.sealedText()));
    }

    @Test
    void aDecisionFromBeforeTriageStillOpensAConversationAtNormalPriority() {
        String patient = Practice.newPatientNumber();
        practice.decide(patient, "north", "Is the clinic open on Saturday?");

        var entry = Practice.awaitInboxEntry(Practice.northFrontDesk(), patient);
        String conversationId = (String) entry.get("id");
        assertEquals("normal", entry.get("priority"));
        assertEquals("north-front-desk", entry.get("queue"));
        assertNull(entry.get("urgency"));
        assertNull(entry.get("category"));
        assertNull(entry.get("identity"));
        assertNull(entry.get("patientId"));
        assertNotNull(entry.get("clockStartedAt"));
        detail(conversationId)
                .body("routing.reason", equalTo("the patient wrote to the north clinic number"))
                .body("routing.priority", equalTo("normal"))
                .body("routing.triageReasons", empty())
                .body("routing.ruleId", nullValue())
                .body("routing.autoReplyKind", nullValue())
                .body("messages", hasSize(1));
        assertTrue(Practice.recordsAbout(Topics.OUTBOUND_REQUESTS, conversationId).isEmpty());
    }

    @Test
    void theSafetyReplyGoesOutForAResolvedConversationAndResolvingEndsTheEmergency() {
        String patient = Practice.newPatientNumber();
        practice.decide(patient, "north", "Thanks for the appointment reminder");
        String conversationId = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), patient).get("id");
        resolve(conversationId);

        String messageEventId = UUID.randomUUID().toString();
        practice.decision(patient, "north", "I took too many of my pills").messageEventId(messageEventId)
                .emergency(SAFETY_REPLY, "Mentions an overdose").publish();
        practice.alertOnCall(patient, "north", messageEventId, "dr.oncall", "overdose");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> detail(conversationId)
                .body("status", equalTo("unassigned"))
                .body("priority", equalTo("critical"))
                .body("queue", equalTo("north-clinical"))
                .body("alertedAt", notNullValue())
                .body("messages.kind", contains(null, null, "safety")));
        given().auth().oauth2(Practice.northFrontDesk()).get("/api/conversations/" + conversationId + "/history")
                .then().statusCode(200).body("action", hasItem("emergency-routed"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Practice.recordsAbout(Topics.OUTBOUND_REQUESTS, conversationId).size() == 1);

        // Resolved, the emergency is over: the patient's next routine message starts afresh.
        resolve(conversationId);
        practice.decision(patient, "north", "Can I book a follow-up?")
                .triage("scheduling", "routine", "normal", "Asks for a follow-up").publish();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> detail(conversationId)
                .body("status", equalTo("unassigned"))
                .body("priority", equalTo("normal"))
                .body("alertedAt", nullValue())
                .body("onCallStaff", nullValue()));
    }

    @Test
    void anOnCallAlertIsShownWithItsHistoryWhetherItArrivesAfterOrBeforeTheMessage() {
        String patient = Practice.newPatientNumber();
        String messageEventId = UUID.randomUUID().toString();
        practice.decision(patient, "north", "My chest hurts").messageEventId(messageEventId)
                .emergency(SAFETY_REPLY, "Mentions chest pain").publish();
        String conversationId = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), patient).get("id");
        String alertEvent = practice.alertOnCall(patient, "north", messageEventId, "dr.oncall", "chest-pain");
        // The same event redelivered changes nothing more.
        practice.publish(Topics.STAFF_ALERTS, EventTypes.ON_CALL_ALERTED, alertEvent, Practice.patientRef(patient),
                new OnCallAlerted("alert-" + messageEventId, messageEventId,
                        Practice.patientRef(patient), "north", "north-clinical", "dr.oncall", "chest-pain",
                        Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> Practice.inboxEntry(Practice.northFrontDesk(), patient)
                .map(c -> c.get("alertedAt") != null).orElse(false));
        var entry = Practice.inboxEntry(Practice.northFrontDesk(), patient).orElseThrow();
        assertEquals("dr.oncall", entry.get("onCallStaff"));
        history(conversationId)
                .body("findAll { it.action == 'on-call-alerted' }", hasSize(1))
                .body("find { it.action == 'on-call-alerted' }.reason",
                        equalTo("On-call dr.oncall alerted (rule chest-pain)"))
                .body("find { it.action == 'on-call-alerted' }.actorName", equalTo("system"));

        // Alerts travel on their own topic and may overtake the decision: the alert waits for its message.
        String early = Practice.newPatientNumber();
        String earlyMessage = UUID.randomUUID().toString();
        practice.alertOnCall(early, "north", earlyMessage, null, "suicidal-ideation");
        await().atMost(Duration.ofSeconds(30)).until(() -> alertWaiting(earlyMessage));
        practice.decision(early, "north", "I don't want to be here anymore").messageEventId(earlyMessage)
                .emergency(SAFETY_REPLY, "Mentions not wanting to live").publish();
        String earlyId = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), early).get("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> detail(earlyId)
                .body("alertedAt", notNullValue())
                .body("onCallStaff", nullValue()));
        history(earlyId).body("find { it.action == 'on-call-alerted' }.reason",
                equalTo("Nobody on call: queue north-clinical alerted (rule suicidal-ideation)"));
    }

    @Test
    void linkingTheSenderToAPatientShowsThePatientAndUnlinkingClearsIt() {
        String patient = Practice.newPatientNumber();
        practice.decision(patient, "north", "This is Maria's mother, she needs a refill")
                .identity("review", null).triage("refill", "routine", "normal", "Asks for a refill").publish();
        var entry = Practice.awaitInboxEntry(Practice.northFrontDesk(), patient);
        String conversationId = (String) entry.get("id");
        assertEquals("review", entry.get("identity"));
        assertNull(entry.get("patientId"));

        practice.link(patient, "north", "patient-maria", "nora.north");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> detail(conversationId)
                .body("patientId", equalTo("patient-maria"))
                .body("identity", equalTo("matched")));
        assertEquals("patient-maria", Practice.inboxEntry(Practice.northFrontDesk(), patient).orElseThrow()
                .get("patientId"));

        // Unlinking someone else changes nothing; unlinking Maria clears her (same key, so applied in this order).
        practice.unlink(patient, "north", "patient-someone-else", "nora.north");
        practice.unlink(patient, "north", "patient-maria", "nora.north");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> detail(conversationId)
                .body("patientId", nullValue())
                .body("identity", nullValue()));
        history(conversationId)
                .body("findAll { it.action == 'patient-linked' }.actorName", contains("nora.north"))
                .body("findAll { it.action == 'patient-unlinked' }", hasSize(1));
    }

    @Test
    void theInboxFiltersByUrgencyAndCategory() {
        String emergencyPatient = Practice.newPatientNumber();
        String billingPatient = Practice.newPatientNumber();
        practice.decision(emergencyPatient, "north", "I can't breathe")
                .emergency(SAFETY_REPLY, "Mentions trouble breathing").publish();
        practice.decision(billingPatient, "north", "Why was I charged twice?")
                .triage("billing", "routine", "normal", "Asks about a charge").publish();
        Practice.awaitInboxEntry(Practice.northFrontDesk(), emergencyPatient);
        Practice.awaitInboxEntry(Practice.northFrontDesk(), billingPatient);

        List<Map<String, Object>> emergencies = list("urgency=emergency&limit=200");
        assertTrue(emergencies.stream().allMatch(c -> "emergency".equals(c.get("urgency"))));
        assertTrue(lists(emergencies, emergencyPatient));
        assertFalse(lists(emergencies, billingPatient));
        List<Map<String, Object>> billing = list("category=billing&urgency=routine&limit=200");
        assertTrue(billing.stream().allMatch(c -> "billing".equals(c.get("category"))));
        assertTrue(lists(billing, billingPatient));
        assertFalse(lists(billing, emergencyPatient));

        given().auth().oauth2(Practice.northFrontDesk()).when().get("/api/conversations?urgency=panic")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("emergency, urgent, routine"));
        given().auth().oauth2(Practice.northFrontDesk()).when().get("/api/conversations?category=gossip")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void triageReasonsAndTheAutomaticReplyAreCiphertextAtRest() throws Exception {
        String patient = Practice.newPatientNumber();
        String symptom = "sudden weakness " + UUID.randomUUID();
        practice.decision(patient, "north", "I have " + symptom)
                .emergency(SAFETY_REPLY, "Mentions " + symptom).publish();
        String conversationId = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), patient).get("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> detail(conversationId).body("messages", hasSize(2)));

        try (var db = Practice.database();
                var query = db.prepareStatement("select c.sealed_triage_reasons, c.priority, c.urgency, m.sealed_text"
                        + " from conversation c join message m on m.conversation_id = c.id"
                        + " where c.id = ? and m.auto_reply_kind = 'safety'")) {
            query.setObject(1, UUID.fromString(conversationId));
            var row = query.executeQuery();
            assertTrue(row.next());
            String sealedReasons = row.getString(1);
            assertTrue(sealedReasons.startsWith("v1."), "stored as PhiCipher ciphertext");
            assertFalse(sealedReasons.contains(symptom) || sealedReasons.contains("Mentions "));
            assertEquals(List.of("Mentions " + symptom),
                    json.readValue(TestCrypto.CIPHER.open(sealedReasons), List.class));
            assertEquals("critical", row.getString(2));
            assertEquals("emergency", row.getString(3));
            String sealedReply = row.getString(4);
            assertFalse(sealedReply.contains("call 911"));
            assertEquals(SAFETY_REPLY, TestCrypto.CIPHER.open(sealedReply));
        }
    }

    private static ValidatableResponse detail(String conversationId) {
        return given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/conversations/" + conversationId)
                .then().statusCode(200);
    }

    private static ValidatableResponse history(String conversationId) {
        return given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/conversations/" + conversationId + "/history")
                .then().statusCode(200);
    }

    private static List<Map<String, Object>> list(String query) {
        return given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/conversations?" + query)
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath().getList("$");
    }

    private static boolean lists(List<Map<String, Object>> inbox, String patientNumber) {
        return inbox.stream().anyMatch(c -> Practice.masked(patientNumber).equals(((Map<?, ?>) c.get("patient"))
                .get("address")));
    }

    private static void resolve(String conversationId) {
        given().auth().oauth2(Practice.northFrontDesk())
                .contentType(ContentType.JSON).body(Map.of("outcome", "no-action-needed"))
                .when().post("/api/conversations/" + conversationId + "/resolve")
                .then().statusCode(200).body("status", equalTo("resolved"));
    }

    /** The alert is kept, not yet tied to a conversation. */
    private static boolean alertWaiting(String messageEventId) throws Exception {
        try (var db = Practice.database();
                var query = db.prepareStatement("select count(*) from staff_alert where message_event_id = ?"
                        + " and conversation_id is null")) {
            query.setString(1, messageEventId);
            var row = query.executeQuery();
            row.next();
            return row.getInt(1) == 1;
        }
    }

    private static long messagesAdded(String conversationId) {
        return Practice.recordsAbout(Topics.CONVERSATION_EVENTS, conversationId).stream()
                .filter(r -> EventTypes.CONVERSATION_MESSAGE_ADDED.equals(Practice.header(r, CloudEventHeaders.TYPE)))
                .count();
    }
}
