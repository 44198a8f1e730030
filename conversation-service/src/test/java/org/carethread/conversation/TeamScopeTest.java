package org.carethread.conversation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    private static List<String> search(String token, String words) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(new HashMap<>(Map.of("words", words)))
                .when().post("/api/conversations/search")
                .then().statusCode(200).extract().jsonPath().getList("id", String.class);
    }
}
