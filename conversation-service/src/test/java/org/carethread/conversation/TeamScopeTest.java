package org.carethread.conversation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.StaffTokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A queue the practice admin gives to a team is read by that team only (and by those who oversee the practice): the
 * North front desk does not see the clinical team's conversations, unless it owns one or a nurse mentions it, and
 * can open one otherwise only through break-glass.
 */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "conversation"))
class TeamScopeTest {
    @Inject
    ObjectMapper json;

    static String admin() {
        return StaffTokens.issue("ada.admin", List.of("practice-admin"), List.of("north"));
    }

    static String northNurse() {
        return StaffTokens.issue("nina.north", List.of("nurse"), List.of("north"), List.of("clinical"));
    }

    static String northBilling() {
        return StaffTokens.issue("bill.north", List.of("billing"), List.of("north"), List.of("billing"));
    }

    static String supervisor() {
        return StaffTokens.issue("sue.super", List.of("supervisor"), List.of("north"));
    }

    @Test
    void aTeamsQueueIsSeenByTheTeamAndThoseWhoOverseeNotByTheRestOfTheLocation() {
        String clinicalQueue = "north-clinical-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("locationCode", "north", "team", "clinical", "assignment", "none"))
                .when().put("/api/queues/" + clinicalQueue)
                .then().statusCode(200).body("team", equalTo("clinical"));

        Practice practice = new Practice(json);
        String word = "zebrafinch" + UUID.randomUUID().toString().substring(0, 6);
        String clinicalPatient = Practice.newPatientNumber();
        practice.decision(clinicalPatient, "north", "My rash is spreading " + word).queue(clinicalQueue).publish();
        String frontDeskPatient = Practice.newPatientNumber();
        practice.decide(frontDeskPatient, "north", "Can I come in Tuesday? " + word);

        String clinical = (String) Practice.awaitInboxEntry(northNurse(), clinicalPatient).get("id");
        String open = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), frontDeskPatient).get("id");

        // the front desk and billing: not in the list, not by id, not in a search; the open queue they see
        for (String outsider : List.of(Practice.northFrontDesk(), northBilling())) {
            assertFalse(inbox(outsider).contains(clinical), "another team's conversation is listed");
            assertTrue(inbox(outsider).contains(open), "the open queue is hidden");
            given().auth().oauth2(outsider).when().get("/api/conversations/" + clinical)
                    .then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(outsider).when().post("/api/conversations/" + clinical + "/claim")
                    .then().statusCode(404);
            assertTrue(search(outsider, word).contains(open));
            assertFalse(search(outsider, word).contains(clinical), "a search finds another team's conversation");
        }
        // the team and those who oversee the practice see both
        for (String insider : List.of(northNurse(), supervisor(), admin())) {
            assertTrue(inbox(insider).contains(clinical));
            assertTrue(inbox(insider).contains(open));
            given().auth().oauth2(insider).when().get("/api/conversations/" + clinical).then().statusCode(200);
        }
        assertTrue(search(northNurse(), word).containsAll(List.of(clinical, open)));

        // a nurse mentions the front desk in a note: the front desk is invited in
        given().auth().oauth2(northNurse()).contentType(ContentType.JSON)
                .body(Map.of("text", "@nora.north please book a follow-up for this patient"))
                .when().post("/api/conversations/" + clinical + "/notes").then().statusCode(201);
        given().auth().oauth2(Practice.northFrontDesk()).when().get("/api/conversations/" + clinical)
                .then().statusCode(200).body("id", equalTo(clinical));
        assertTrue(inbox(Practice.northFrontDesk()).contains(clinical));
        assertFalse(inbox(northBilling()).contains(clinical), "billing was not mentioned");
    }

    @Test
    void ownersSeeTheirConversationAndOthersNeedBreakGlassWithAReason() {
        String clinicalQueue = "north-clinical-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("locationCode", "north", "team", "clinical"))
                .when().put("/api/queues/" + clinicalQueue).then().statusCode(200);
        Practice practice = new Practice(json);
        String patient = Practice.newPatientNumber();
        practice.decision(patient, "north", "Is the new dose making me dizzy?").queue(clinicalQueue).publish();
        String clinical = (String) Practice.awaitInboxEntry(northNurse(), patient).get("id");

        // billing is not in the team: break-glass with a reason opens it for reading
        given().auth().oauth2(northBilling()).when().get("/api/conversations/" + clinical).then().statusCode(404);
        given().auth().oauth2(northBilling()).contentType(ContentType.JSON)
                .body(Map.of("reason", "Patient on the phone about this visit's bill, nurse unavailable"))
                .when().post("/api/conversations/" + clinical + "/break-glass").then().statusCode(201);
        given().auth().oauth2(northBilling()).when().get("/api/conversations/" + clinical).then().statusCode(200);
        // the nurse is in the team: nothing to break
        given().auth().oauth2(northNurse()).contentType(ContentType.JSON)
                .body(Map.of("reason", "Checking the conversation before the afternoon clinic"))
                .when().post("/api/conversations/" + clinical + "/break-glass").then().statusCode(409);

        // the supervisor gives it to the front desk by name: its owner sees it
        String etag = given().auth().oauth2(supervisor()).when().get("/api/conversations/" + clinical)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(supervisor()).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("assignee", "nora.north"))
                .when().post("/api/conversations/" + clinical + "/assign").then().statusCode(200);
        given().auth().oauth2(Practice.northFrontDesk()).when().get("/api/conversations/" + clinical)
                .then().statusCode(200).body("assignee", equalTo("nora.north"));
    }

    @Test
    void theQueueListShowsEachPersonTheQueuesTheyMaySeeWithWhatWaitsThere() {
        String clinicalQueue = "north-clinical-" + UUID.randomUUID().toString().substring(0, 8);
        String emptyQueue = "north-forms-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("locationCode", "north", "team", "clinical"))
                .when().put("/api/queues/" + clinicalQueue).then().statusCode(200);
        // no team: the whole location works it
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("locationCode", "north"))
                .when().put("/api/queues/" + emptyQueue).then().statusCode(200);
        Practice practice = new Practice(json);
        String first = Practice.newPatientNumber();
        practice.decision(first, "north", "My chest feels tight").queue(clinicalQueue)
                .triage("clinical-question", "urgent", "high", "chest symptoms").publish();
        String second = Practice.newPatientNumber();
        practice.decision(second, "north", "Is my lab back?").queue(clinicalQueue).publish();
        String firstId = (String) Practice.awaitInboxEntry(northNurse(), first).get("id");
        Practice.awaitInboxEntry(northNurse(), second);

        Map<String, Object> clinical = queueCount(northNurse(), clinicalQueue);
        assertEquals(Map.of("queue", clinicalQueue, "locationCode", "north", "open", 2, "unassigned", 2, "urgent", 1,
                "overdue", 0), clinical);
        given().auth().oauth2(northNurse()).when().get("/api/conversations?queue=" + clinicalQueue)
                .then().statusCode(200).body("size()", equalTo(2)).body("queue", everyItem(equalTo(clinicalQueue)));

        // the front desk: the location's empty queue is offered, the clinical team's is not there at all
        assertEquals(0, ((Number) queueCount(Practice.northFrontDesk(), emptyQueue).get("open")).intValue());
        assertNull(queueCount(Practice.northFrontDesk(), clinicalQueue), "another team's queue is listed");
        assertNull(queueCount(northBilling(), clinicalQueue), "another team's queue is listed");
        given().auth().oauth2(Practice.northFrontDesk()).when().get("/api/conversations?queue=" + clinicalQueue)
                .then().statusCode(200).body("size()", equalTo(0));
        // South sees none of North's queues
        assertTrue(queues(Practice.southFrontDesk()).stream().noneMatch(q -> "north".equals(q.get("locationCode"))));

        // claimed: still open, no longer waiting for an owner
        String etag = given().auth().oauth2(northNurse()).when().get("/api/conversations/" + firstId)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(northNurse()).header("If-Match", etag).when()
                .post("/api/conversations/" + firstId + "/claim").then().statusCode(200);
        clinical = queueCount(northNurse(), clinicalQueue);
        assertEquals(List.of(2, 1), List.of(clinical.get("open"), clinical.get("unassigned")));

        given().auth().oauth2(northNurse()).when().get("/api/conversations?queue=North Clinical")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aTeamThatIsNotACodeIsRefusedAndNothingChanges() {
        String queue = "north-clinical-" + UUID.randomUUID().toString().substring(0, 8);
        for (String team : List.of("Clinical Team", "", "x".repeat(51), "-clinical")) {
            given().auth().oauth2(admin()).contentType(ContentType.JSON)
                    .body(Map.of("locationCode", "north", "team", team))
                    .when().put("/api/queues/" + queue)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        List<String> queues = given().auth().oauth2(admin()).when().get("/api/queues")
                .then().statusCode(200).extract().jsonPath().getList("queues.queue", String.class);
        assertFalse(queues.contains(queue), "a refused setup was saved");
    }

    private static List<String> inbox(String token) {
        return given().auth().oauth2(token).when().get("/api/conversations?limit=200")
                .then().statusCode(200).extract().jsonPath().getList("id", String.class);
    }

    private static List<Map<String, Object>> queues(String token) {
        return given().auth().oauth2(token).when().get("/api/conversations/queues")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static Map<String, Object> queueCount(String token, String queue) {
        return queues(token).stream().filter(q -> queue.equals(q.get("queue"))).findFirst().orElse(null);
    }

    private static List<String> search(String token, String words) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(new HashMap<>(Map.of("words", words)))
                .when().post("/api/conversations/search")
                .then().statusCode(200).extract().jsonPath().getList("id", String.class);
    }
}
