package org.carethread.conversation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Who may use the staff API, and what operators can see of the service. */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "conversation"))
class StaffApiAccessTest {

    @Inject
    ObjectMapper json;

    @Test
    void withoutATokenEveryEndpointAnswers401() {
        String id = UUID.randomUUID().toString();
        given().when().get("/api/conversations")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("title", equalTo("Sign-in required"));
        given().when().get("/api/conversations/" + id)
                .then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("text", "hi"))
                .when().post("/api/conversations/" + id + "/replies")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenNotSignedByTheRealmAnswers401() {
        String token = Practice.northFrontDesk();
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        given().auth().oauth2(tampered).when().get("/api/conversations")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenWithoutAStaffRoleAnswers403() {
        String token = StaffTokens.issue("patient.portal", List.of("offline_access"), List.of("north"));
        given().auth().oauth2(token).when().get("/api/conversations")
                .then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void staffWithoutLocationsSeeNoConversations() {
        String patient = Practice.newPatientNumber();
        new Practice(json).decide(patient, "north", "hello");
        String id = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), patient).get("id");
        String nowhere = StaffTokens.issue("new.hire", List.of("front-desk"), List.of());
        given().auth().oauth2(nowhere).when().get("/api/conversations")
                .then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(nowhere).when().get("/api/conversations/" + id)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theInboxFiltersByStatusAndRefusesUnknownOnes() {
        String patient = Practice.newPatientNumber();
        new Practice(json).decide(patient, "north", "hello");
        Practice.awaitInboxEntry(Practice.northFrontDesk(), patient);
        List<Map<String, Object>> resolved = given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/conversations?status=resolved&limit=200")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertFalse(resolved.stream().anyMatch(c -> Practice.masked(patient).equals(((Map<?, ?>) c.get("patient")).get("address"))));
        assertTrue(resolved.stream().allMatch(c -> "resolved".equals(c.get("status"))));
        given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/conversations?status=pending")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("unassigned, assigned, awaiting-patient, snoozed, resolved"));
        given().auth().oauth2(Practice.northFrontDesk())
                .when().get("/api/conversations?limit=0")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void operatorsHaveHealthMetricsAndAnApiDescription() {
        String patient = Practice.newPatientNumber();
        new Practice(json).decide(patient, "north", "hello");
        Practice.awaitInboxEntry(Practice.northFrontDesk(), patient);
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("carethread_conversation_messages_added_total{direction=\"inbound\""), metrics);
        assertTrue(metrics.contains("carethread_conversation_inbound_lag_seconds_count"));
        assertFalse(metrics.contains(patient));
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/conversations/{id}/replies"))
                .body("paths.'/api/conversations/{id}/claim'.post.responses", org.hamcrest.Matchers.hasKey("409"))
                .body("paths.'/api/conversations/{id}/resolve'.post.responses", org.hamcrest.Matchers.hasKey("412"))
                .body("paths.'/api/conversations'.get.parameters.name",
                        org.hamcrest.Matchers.hasItems("view", "status", "urgency", "category", "limit"))
                .body("components.schemas.ConversationSummary.properties.keySet()",
                        org.hamcrest.Matchers.hasItems("category", "urgency", "priority", "identity", "patientId",
                                "directedTo", "clockStartedAt", "alertedAt"))
                .body("components.schemas.ConversationDetail.properties", org.hamcrest.Matchers.hasKey("routing"))
                .body("components.schemas.RoutingView.properties.keySet()",
                        org.hamcrest.Matchers.hasItems("reason", "ruleId", "rulesVersion", "category", "urgency",
                                "priority", "triageReasons", "directedTo", "identity", "autoReplyKind"))
                .body("components.schemas.MessageView.properties", org.hamcrest.Matchers.hasKey("kind"))
                // the request's own connection is no part of the API: reads take no body, a search only its criteria
                .body("paths.'/api/conversations/{id}'.get", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasKey("requestBody")))
                .body("paths.'/api/conversations/{id}/history'.get", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasKey("requestBody")))
                .body("paths.'/api/conversations/search'.post.requestBody.content.'application/json'.schema.'$ref'",
                        org.hamcrest.Matchers.endsWith("SearchRequest"))
                .body("components.schemas.ConversationSummary.properties.keySet()",
                        org.hamcrest.Matchers.hasItems("responseDueAt", "targetFlag"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/queues/{queue}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/conversations/{id}/break-glass"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/legal-holds"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/reports/dashboard"));
    }
}
