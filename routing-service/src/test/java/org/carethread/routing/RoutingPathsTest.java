package org.carethread.routing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.carethread.routing.DirectoryStaff.admin;
import static org.carethread.routing.DirectoryStaff.carrierDigits;
import static org.carethread.routing.DirectoryStaff.create;
import static org.carethread.routing.DirectoryStaff.e164;
import static org.carethread.routing.DirectoryStaff.newMrn;
import static org.carethread.routing.DirectoryStaff.newSubscriber;
import static org.carethread.routing.DirectoryStaff.northFrontDesk;
import static org.carethread.routing.DirectoryStaff.patient;
import static org.carethread.routing.DirectoryStaff.token;
import static org.carethread.routing.InboundMessages.decided;
import static org.carethread.routing.InboundMessages.decisionsFor;
import static org.carethread.routing.InboundMessages.publish;
import static org.carethread.routing.InboundMessages.record;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.KafkaBroker;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.CloudEventHeaders;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.MessageReceived;
import org.carethread.schemas.events.OnCallAlerted;
import org.carethread.schemas.events.RoutingDecided;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Each routing path through the real broker: messages are published as ingestion publishes them, at the moment the
 * patient wrote (which is what business hours are judged by), and the decisions and alerts are read back from Kafka.
 * Before each message is published, the admins' dry run is asked the same question: its answer must be what the
 * pipeline then does. The demo practice's hours apply: North opens 8:00-12:30 and 13:30-17:00 New York time on
 * weekdays and is closed on Thanksgiving, 2026-11-26.
 */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "routing"))
class RoutingPathsTest {
    private static final String NORTH = "15550001001";
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String PROBLEM = "application/problem+json";
    /** Tuesday 24 November 2026, 02:00 in New York. */
    private static final Instant TUESDAY_2AM = Instant.parse("2026-11-24T07:00:00Z");
    /** Tuesday 24 November 2026, 10:00 in New York: North is open. */
    private static final Instant TUESDAY_10AM = Instant.parse("2026-11-24T15:00:00Z");
    /** Tuesday 24 November 2026, 18:00 in New York: closed for the night. */
    private static final Instant TUESDAY_6PM = Instant.parse("2026-11-24T23:00:00Z");
    /** Wednesday 8:00 in New York, when North next opens after Tuesday evening. */
    private static final Instant WEDNESDAY_OPENING = Instant.parse("2026-11-25T13:00:00Z");
    /** Thanksgiving, 10:00 in New York. */
    private static final Instant THANKSGIVING_10AM = Instant.parse("2026-11-26T15:00:00Z");

    @Test
    void anEmergencyAt2amTopsTheClinicalQueueGetsTheSafetyReplyAndAlertsTheOnCallNurse() {
        String nurse = "nina.oncall" + ThreadLocalRandom.current().nextInt(1000, 9999);
        given().auth().oauth2(token("sue.supervisor", "supervisor", "north")).contentType(ContentType.JSON)
                .body(Map.of("staffUser", nurse, "startsAt", "2026-11-23T22:00:00Z", "endsAt", "2026-11-24T12:00:00Z"))
                .when().post("/api/routing/locations/north/on-call")
                .then().statusCode(201);
        String phone = carrierDigits(newSubscriber());

        RoutingDecided decision = routeAgreeingWithDryRun(phone, "I have crushing chest pain and my left arm is numb",
                TUESDAY_2AM);

        assertEquals("north-clinical", decision.queue());
        assertEquals("critical", decision.priority());
        assertEquals("emergency", decision.urgency());
        assertEquals("safety", decision.autoReplyKind());
        assertEquals("en", decision.replyLanguage());
        assertTrue(TestCrypto.CIPHER.open(decision.sealedAutoReplyText()).contains("911"));
        assertEquals(TUESDAY_2AM, decision.clockStartsAt(), "an emergency's clock never waits for opening hours");
        assertNull(decision.ruleId(), "the safety route comes before every rule");
        assertTrue(decision.reason().contains("on-call " + nurse + " alerted"), decision.reason());

        ConsumerRecord<String, String> alert = await().atMost(PATIENCE).until(
                () -> KafkaBroker.shared().readAll(Topics.STAFF_ALERTS, Duration.ofMillis(500)).stream()
                        .filter(r -> decision.patientRef().equals(r.key())).toList(), found -> !found.isEmpty())
                .get(0);
        assertEquals(EventTypes.ON_CALL_ALERTED, InboundMessages.header(alert, CloudEventHeaders.TYPE));
        OnCallAlerted alerted = DirectoryStaff.read(alert, OnCallAlerted.class);
        assertEquals(nurse, alerted.onCallStaff());
        assertEquals("north-clinical", alerted.queue());
        assertEquals(decision.messageEventId(), alerted.messageEventId());
        assertFalse(alert.value().contains("crushing") || alert.value().contains("numb"),
                "the alert carries no message text, only the safety rule's id");
    }

    @Test
    void aShiftTakenOffTheRotaIsNoLongerAlertedAndOnlyItsClinicsSupervisorsMayTakeItOff() {
        String nurse = "nell.oncall" + ThreadLocalRandom.current().nextInt(1000, 9999);
        String supervisor = token("sue.supervisor", "supervisor", "north");
        String rota = "/api/routing/locations/north/on-call";
        // Monday night 1-2 March 2027 in New York, ahead of now so that the rota still lists it.
        String shift = given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body(Map.of("staffUser", nurse, "startsAt", "2027-03-01T23:00:00Z", "endsAt", "2027-03-02T13:00:00Z"))
                .when().post(rota)
                .then().statusCode(201).extract().path("id");
        Instant tuesday2am = Instant.parse("2027-03-02T07:00:00Z");
        String emergency = "I have crushing chest pain and my left arm is numb";
        RoutingDecided before = routeAgreeingWithDryRun(carrierDigits(newSubscriber()), emergency, tuesday2am);
        assertTrue(before.reason().contains("on-call " + nurse + " alerted"), before.reason());

        given().auth().oauth2(northFrontDesk()).when().delete(rota + "/" + shift)
                .then().statusCode(403).contentType(PROBLEM);
        String southSupervisor = token("sam.supervisor", "supervisor", "south");
        given().auth().oauth2(southSupervisor).when().delete(rota + "/" + shift)
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(southSupervisor).when().delete("/api/routing/locations/south/on-call/" + shift)
                .then().statusCode(404).contentType(PROBLEM).body("title", equalTo("No such shift"));
        given().auth().oauth2(supervisor).when().delete(rota + "/not-a-shift")
                .then().statusCode(404).contentType(PROBLEM).body("title", equalTo("No such shift"));
        given().auth().oauth2(supervisor).when().get(rota).then().statusCode(200).body("id", hasItem(shift));

        given().auth().oauth2(supervisor).when().delete(rota + "/" + shift).then().statusCode(204);
        given().auth().oauth2(supervisor).when().get(rota).then().statusCode(200).body("id", not(hasItem(shift)));
        given().auth().oauth2(supervisor).when().delete(rota + "/" + shift).then().statusCode(404).contentType(PROBLEM);

        // The demo nurse's standing shift covers that night again.
        RoutingDecided after = routeAgreeingWithDryRun(carrierDigits(newSubscriber()), emergency, tuesday2am);
        assertTrue(after.reason().contains("on-call nurse alerted"), after.reason());
    }

    @Test
    void aSpanishEmergencyGetsTheSafetyReplyInSpanishAndSuicidalThoughtsThe988Reply() {
        RoutingDecided spanish = routeAgreeingWithDryRun(carrierDigits(newSubscriber()),
                "mi esposo no puede respirar y tiene los labios morados", TUESDAY_10AM);
        assertEquals("es", spanish.replyLanguage());
        assertEquals("critical", spanish.priority());
        assertTrue(TestCrypto.CIPHER.open(spanish.sealedAutoReplyText()).contains("911"));

        RoutingDecided crisis = routeAgreeingWithDryRun(carrierDigits(newSubscriber()),
                "i dont want to live anymore, thinking about ending it tonight", TUESDAY_6PM);
        assertEquals("safety", crisis.autoReplyKind(), "no after-hours reply instead of the safety one");
        assertTrue(TestCrypto.CIPHER.open(crisis.sealedAutoReplyText()).contains("988"));
    }

    @Test
    void anUnknownSenderIsANewContactInTheIntakeQueue() {
        RoutingDecided decision = routeAgreeingWithDryRun(carrierDigits(newSubscriber()),
                "Hi, do you take new patients? What are your hours?", TUESDAY_10AM);

        assertEquals("new-contact", decision.identity());
        assertNull(decision.patientId());
        assertEquals("north-intake", decision.queue());
        assertNull(decision.autoReplyKind(), "in business hours nobody gets an automatic reply");
        assertEquals(TUESDAY_10AM, decision.clockStartsAt());
    }

    @Test
    void aFamilyPhoneWaitsInIdentityReviewUntilStaffConfirmWhoWroteThenTheirRulesApply() {
        String subscriber = newSubscriber();
        create(admin(), patient("Olga", "Petrova", newMrn(), "north", e164(subscriber)));
        String child = create(admin(), patient("Ivan", "Petrov", newMrn(), "north", e164(subscriber)));

        RoutingDecided first = routeAgreeingWithDryRun(carrierDigits(subscriber),
                "I need a refill on my albuterol inhaler please", TUESDAY_10AM);
        assertEquals("review", first.identity());
        assertEquals("north-identity-review", first.queue());
        assertNull(first.patientId());
        assertNull(first.sealedPatientGivenName(), "nobody to greet until staff say who it is");
        assertNull(first.ruleId(), "identity review comes before the rules");
        assertTrue(first.reason().contains("2 patients share this number"), first.reason());

        String reviewId = await().atMost(PATIENCE).until(() -> given().auth().oauth2(northFrontDesk())
                .when().get("/api/routing/identity-reviews")
                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(review -> first.patientRef().equals(review.get("patientRef")))
                .map(review -> (String) review.get("id")).findFirst().orElse(null), id -> id != null);
        given().auth().oauth2(northFrontDesk()).contentType(ContentType.JSON).body(Map.of("patientId", child))
                .when().post("/api/routing/identity-reviews/" + reviewId + "/confirm")
                .then().statusCode(200);

        RoutingDecided next = routeAgreeingWithDryRun(carrierDigits(subscriber),
                "I need a refill on my albuterol inhaler please", TUESDAY_10AM.plusSeconds(60));
        assertEquals("matched", next.identity());
        assertEquals(child, next.patientId());
        assertEquals("Ivan", TestCrypto.CIPHER.open(next.sealedPatientGivenName()));
        assertEquals("refills", next.ruleId());
        assertEquals("north-refills", next.queue());
    }

    @Test
    void afterHoursARoutineMessageGetsOneAutoReplyPerIntervalAndItsClockStartsAtTheNextOpening() {
        String phone = carrierDigits(newSubscriber());

        RoutingDecided evening = routeAgreeingWithDryRun(phone, "Can I get a refill of my lisinopril 10mg?",
                TUESDAY_6PM);
        assertEquals("after-hours", evening.autoReplyKind());
        assertEquals(WEDNESDAY_OPENING, evening.clockStartsAt());
        assertEquals("north-refills", evening.queue());
        String reply = TestCrypto.CIPHER.open(evening.sealedAutoReplyText());
        assertTrue(reply.contains("North Clinic") && reply.contains("911"), reply);

        RoutingDecided anHourLater = routeAgreeingWithDryRun(phone, "also my losartan please",
                TUESDAY_6PM.plus(Duration.ofHours(1)));
        assertNull(anHourLater.autoReplyKind(), "a second after-hours reply within 12 hours");
        assertTrue(anHourLater.reason().contains("already sent"), anHourLater.reason());

        RoutingDecided nextNight = routeAgreeingWithDryRun(phone, "Can I get a refill of my lisinopril 10mg?",
                TUESDAY_6PM.plus(Duration.ofHours(24)));
        assertEquals("after-hours", nextNight.autoReplyKind(), "12 hours on, the patient is answered again");
    }

    @Test
    void onAHolidayARoutineMessageWaitsForTheNextWorkingDay() {
        RoutingDecided decision = routeAgreeingWithDryRun(carrierDigits(newSubscriber()),
                "I need to reschedule my appointment next week", THANKSGIVING_10AM);

        assertEquals("after-hours", decision.autoReplyKind());
        assertEquals(Instant.parse("2026-11-27T13:00:00Z"), decision.clockStartsAt(), "Friday 8:00 in New York");
        assertTrue(decision.reason().contains("Thanksgiving"), decision.reason());
    }

    @Test
    void anUrgentRefillMeetsTheRefillRuleFirstButKeepsItsHighPriority() {
        RoutingDecided decision = routeAgreeingWithDryRun(carrierDigits(newSubscriber()),
                "I ran out of my insulin today and have none left, need a refill asap", TUESDAY_10AM);

        assertEquals("urgent", decision.urgency());
        assertEquals("refills", decision.ruleId(), "rules are tried in order: refills comes before urgent-clinical");
        assertEquals("north-refills", decision.queue());
        assertEquals("high", decision.priority());
    }

    @Test
    void whatARuleDirectsToAProviderWhoIsAwayGoesToTheColleagueCovering() {
        String provider = "dr.away" + ThreadLocalRandom.current().nextInt(1000, 9999);
        String subscriber = newSubscriber();
        Map<String, Object> body = new HashMap<>(patient("Mae", "Jemison", newMrn(), "north", e164(subscriber)));
        body.put("primaryProvider", provider);
        create(admin(), body);
        String question = "Is it normal to feel dizzy after starting the new blood pressure medicine?";

        RoutingDecided present = routeAgreeingWithDryRun(carrierDigits(subscriber), question, TUESDAY_10AM);
        assertEquals("clinical-to-provider", present.ruleId());
        assertEquals(provider, present.directedTo());

        given().auth().oauth2(token(provider, "provider", "north")).contentType(ContentType.JSON)
                .body(Map.of("awayFrom", "2026-11-24T16:00:00Z", "awayUntil", "2026-11-25T00:00:00Z",
                        "coveredBy", "dr.cover"))
                .when().put("/api/routing/absences/" + provider)
                .then().statusCode(200);
        RoutingDecided away = routeAgreeingWithDryRun(carrierDigits(subscriber), question,
                TUESDAY_10AM.plus(Duration.ofHours(2)));
        assertEquals("dr.cover", away.directedTo());
        assertTrue(away.reason().contains(provider + " is away; dr.cover is covering"), away.reason());
    }

    /**
     * Asks the dry run where the message would go, publishes it as ingestion would, and checks that the pipeline's
     * decision is what the dry run said.
     */
    private static RoutingDecided routeAgreeingWithDryRun(String phone, String text, Instant writtenAt) {
        JsonPath predicted = given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("practiceNumber", NORTH, "text", text, "from", "+" + phone, "at", writtenAt.toString()))
                .when().post("/api/routing/rules/dry-run")
                .then().statusCode(200).extract().jsonPath();

        MessageReceived message = new MessageReceived(UUID.randomUUID().toString(), "sms",
                TestCrypto.BLIND_INDEX.ofAddress(phone), TestCrypto.CIPHER.seal(phone), NORTH,
                TestCrypto.CIPHER.seal(text), writtenAt);
        String eventId = UUID.randomUUID().toString();
        publish(record(eventId, message));
        List<ConsumerRecord<String, String>> records = await().atMost(PATIENCE)
                .until(() -> decisionsFor(eventId), found -> !found.isEmpty());
        assertEquals(1, records.size());
        RoutingDecided decision = decided(records.get(0));

        assertEquals(predicted.getString("queue"), decision.queue(), "dry run and pipeline disagree on the queue");
        assertEquals(predicted.getString("priority"), decision.priority());
        assertEquals(predicted.getString("identity"), decision.identity());
        assertEquals(predicted.getString("patientId"), decision.patientId());
        assertEquals(predicted.getString("category"), decision.category());
        assertEquals(predicted.getString("urgency"), decision.urgency());
        assertEquals(predicted.getString("ruleId"), decision.ruleId());
        assertEquals(predicted.getString("directedTo"), decision.directedTo());
        assertEquals(predicted.getString("autoReplyKind"), decision.autoReplyKind());
        assertEquals(Instant.parse(predicted.getString("clockStartsAt")), decision.clockStartsAt());
        assertEquals(predicted.getString("reason"), decision.reason());
        assertEquals(predicted.getList("triageReasons"), InboundMessages.JSON.convertValue(
                readJsonArray(TestCrypto.CIPHER.open(decision.sealedTriageReasons())), List.class));
        return decision;
    }

    private static Object readJsonArray(String json) {
        try {
            return InboundMessages.JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("the sealed triage reasons are not a JSON array", e);
        }
    }
}
