package org.carethread.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.carethread.e2e.RunningPlatform.PATIENCE;
import static org.carethread.e2e.RunningPlatform.randomPatientNumber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Triage and routing across the whole platform, with real Keycloak tokens through the staff gateway: an emergency
 * text tops the nurses' list and the patient gets the safety reply at once; a family phone waits for staff to confirm
 * who wrote, and the confirmation links the conversation; an admin's dry run answers through the staff origin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriageAndRoutingIT {
    private static final String NORTH_NUMBER = "15550001001";
    private RunningPlatform running;

    @BeforeAll
    void useTheRunningPlatform() {
        running = RunningPlatform.shared();
    }

    @Test
    void anEmergencyTextTopsTheNurseListAndThePatientGetsTheSafetyReplyAtOnce() {
        String patient = randomPatientNumber();
        String text = "my chest hurts really bad and I can't catch my breath " + UUID.randomUUID();
        running.patientTexts(patient, NORTH_NUMBER, text);

        String nurse = running.token("nurse");
        String conversationId = running.awaitConversationWith(nurse, patient, text);

        List<Map<String, Object>> list = given().auth().oauth2(nurse).get(running.staff + "/api/conversations")
                .then().statusCode(200).extract().jsonPath().getList("$");
        int position = positionOf(list, conversationId);
        Map<String, Object> row = list.get(position);
        assertEquals("critical", row.get("priority"));
        assertEquals("emergency", row.get("urgency"));
        assertTrue(list.subList(0, position).stream().allMatch(r -> "critical".equals(r.get("priority"))),
                "a conversation that is not critical sorts above an emergency");

        JsonPath detail = given().auth().oauth2(nurse).get(running.staff + "/api/conversations/" + conversationId)
                .then().statusCode(200).extract().jsonPath();
        assertTrue(detail.getString("routing.reason").startsWith("Emergency"), detail.getString("routing.reason"));
        assertFalse(detail.getList("routing.triageReasons").isEmpty(), "staff cannot see why it was judged urgent");

        // The safety reply leaves through the Vonage SDK to the carrier stand-in, without anyone on staff acting.
        String safetyReply = await().atMost(PATIENCE).until(() -> given().get(running.carrier + "/sandbox/messages")
                .then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("findAll { it.to == '" + patient + "' }").stream()
                .map(m -> (String) m.get("text")).filter(t -> t.contains("911")).findFirst().orElse(null),
                found -> found != null);
        assertEquals(NORTH_NUMBER, given().get(running.carrier + "/sandbox/messages").then().extract().jsonPath()
                .getString("find { it.to == '" + patient + "' && it.text == '" + safetyReply + "' }.from"));
    }

    @Test
    void aFamilyPhoneWaitsForStaffToConfirmWhoWroteAndTheConversationIsThenLinked() {
        String subscriber = String.valueOf(ThreadLocalRandom.current().nextInt(2_000_000, 9_000_000));
        String family = "Marlow" + ThreadLocalRandom.current().nextInt(1000, 9999);
        String csv = "mrn,given_name,family_name,birth_date,phones,emails,home_location,primary_provider,care_team,"
                + "preferred_language\n"
                + "E2E-" + subscriber + "-A,June," + family + ",1975-06-01,+1555" + subscriber + ",,north,provider,"
                + "north-team-a,en\n"
                + "E2E-" + subscriber + "-B,Theo," + family + ",2012-02-03,+1555" + subscriber + ",,north,provider,"
                + "north-team-a,en\n";
        String admin = running.token("admin");
        given().auth().oauth2(admin).contentType("text/csv").body(csv)
                .post(running.staff + "/api/routing/patients/import")
                .then().statusCode(200).body("created", org.hamcrest.Matchers.equalTo(2));

        String text = "Can I get a copy of my school vaccination form? " + UUID.randomUUID();
        running.patientTexts("1555" + subscriber, NORTH_NUMBER, text);

        String frontDesk = running.token("frontdesk.north");
        String conversationId = running.awaitConversationWith(frontDesk, "1555" + subscriber, text);
        JsonPath review = await().atMost(PATIENCE).until(() -> {
            JsonPath open = given().auth().oauth2(frontDesk).get(running.staff + "/api/routing/identity-reviews")
                    .then().statusCode(200).extract().jsonPath();
            return open.getList("findAll { r -> r.candidates.any { it.familyName == '" + family + "' } }").isEmpty()
                    ? null : new JsonPath(RunningPlatform.toJson(open.getList(
                            "findAll { r -> r.candidates.any { it.familyName == '" + family + "' } }").get(0)));
        }, found -> found != null);
        assertEquals(2, review.getList("candidates").size());
        String theo = review.getString("candidates.find { it.givenName == 'Theo' }.patientId");
        assertNotNull(theo);

        given().auth().oauth2(frontDesk).contentType(ContentType.JSON).body(Map.of("patientId", theo))
                .post(running.staff + "/api/routing/identity-reviews/" + review.getString("id") + "/confirm")
                .then().statusCode(200);

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath detail = given().auth().oauth2(frontDesk)
                    .get(running.staff + "/api/conversations/" + conversationId)
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(theo, detail.getString("patientId"), "the confirmed link did not reach the conversation");
        });
    }

    @Test
    void anAdminAsksTheDryRunWhereAMessageWouldGoThroughTheStaffOrigin() {
        String admin = running.token("admin");
        JsonPath answer = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("practiceNumber", NORTH_NUMBER, "text", "Question about my bill, I was charged twice",
                        "at", "2026-11-24T15:00:00Z"))
                .post(running.staff + "/api/routing/rules/dry-run")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("billing", answer.getString("category"));
        assertEquals("billing", answer.getString("ruleId"));
        assertEquals("north-billing", answer.getString("queue"));

        given().auth().oauth2(running.token("frontdesk.north")).contentType(ContentType.JSON)
                .body(Map.of("practiceNumber", NORTH_NUMBER, "text", "hello"))
                .post(running.staff + "/api/routing/rules/dry-run")
                .then().statusCode(403).contentType("application/problem+json");
    }

    private static int positionOf(List<Map<String, Object>> list, String conversationId) {
        for (int i = 0; i < list.size(); i++) {
            if (conversationId.equals(list.get(i).get("id"))) {
                return i;
            }
        }
        throw new AssertionError("the conversation is not in the list");
    }
}
