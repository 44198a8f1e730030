package org.carethread.conversation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.StaffTokens;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.CloudEventHeaders;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.BreakGlassGranted;
import org.carethread.schemas.events.PhiAccessed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Break-glass as a South nurse covering for North would use it: the North conversation is out of her scope until she
 * says why, then readable (never changeable) for a limited time, with the reason on every audited read and an event
 * for supervisors and compliance officers.
 */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "conversation"))
class BreakGlassTest {
    private static final String REASON = "Patient called the South desk about chest pain; North is closed";

    @Inject
    ObjectMapper json;

    Practice practice;
    String conversationId;

    @BeforeEach
    void aNorthPatientWrote() {
        practice = new Practice(json);
        String patient = Practice.newPatientNumber();
        practice.decide(patient, "north", "My chest feels tight since this morning");
        conversationId = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), patient).get("id");
    }

    static String southNurse() {
        return StaffTokens.issue("nell.south", List.of("nurse"), List.of("south"));
    }

    @Test
    void withAReasonAnotherLocationsConversationCanBeReadForAWhileAndEveryReadSaysWhy() throws Exception {
        given().auth().oauth2(southNurse()).when().get("/api/conversations/" + conversationId)
                .then().statusCode(404);

        String grantId = given().auth().oauth2(southNurse()).contentType(ContentType.JSON)
                .header("X-Forwarded-For", "198.51.100.23")
                .body(Map.of("reason", REASON))
                .when().post("/api/conversations/" + conversationId + "/break-glass")
                .then().statusCode(201)
                .body("conversationId", equalTo(conversationId))
                .body("locationCode", equalTo("north"))
                .extract().path("grantId");

        given().auth().oauth2(southNurse()).header("X-Forwarded-For", "198.51.100.23")
                .when().get("/api/conversations/" + conversationId)
                .then().statusCode(200).body("id", equalTo(conversationId));

        // the grant and the read are audited with the reason as their purpose, sealed; the grant is raised
        PhiAccessed granted = awaitAccess("conversation.break-glass");
        PhiAccessed read = awaitAccess("conversation.read", Practice.staffId("nell.south"));
        assertEquals(REASON, TestCrypto.CIPHER.open(granted.purpose()));
        assertEquals(REASON, TestCrypto.CIPHER.open(read.purpose()));
        assertEquals("198.51.100.23", read.clientAddress());
        assertEquals("nell.south", read.staffUsername(), "the audit log names the reader, not only their subject");
        assertFalse(recordsAbout().stream().anyMatch(r -> r.value().contains("chest pain")),
                "the reason never travels in clear");
        ConsumerRecord<String, String> raised = await().atMost(Duration.ofSeconds(20)).until(() -> recordsAbout()
                .stream().filter(r -> EventTypes.BREAK_GLASS_GRANTED.equals(Practice.header(r, CloudEventHeaders.TYPE)))
                .findFirst().orElse(null), r -> r != null);
        BreakGlassGranted event = practice.read(raised, BreakGlassGranted.class);
        assertEquals(grantId, event.grantId());
        assertEquals("nell.south", event.staffUsername());
        assertEquals(List.of("nurse"), event.staffRoles());
        assertTrue(event.expiresAt().isAfter(Instant.now().plus(Duration.ofMinutes(29))));

        // a grant is for reading: the conversation still cannot be changed, and South's inbox does not grow
        given().auth().oauth2(southNurse()).when().post("/api/conversations/" + conversationId + "/claim")
                .then().statusCode(404);
        given().auth().oauth2(southNurse()).contentType(ContentType.JSON).body(Map.of("text", "Please call 911"))
                .when().post("/api/conversations/" + conversationId + "/replies")
                .then().statusCode(404);
        assertFalse(given().auth().oauth2(southNurse()).when().get("/api/conversations?limit=200")
                .then().statusCode(200).extract().jsonPath().getList("id", String.class).contains(conversationId));

        // once the grant has run out, it is out of scope again
        try (Connection db = Practice.database(); PreparedStatement expire = db.prepareStatement(
                "update break_glass_grant set expires_at = now() - interval '1 second' where id = ?")) {
            expire.setObject(1, UUID.fromString(grantId));
            assertEquals(1, expire.executeUpdate());
        }
        given().auth().oauth2(southNurse()).when().get("/api/conversations/" + conversationId)
                .then().statusCode(404);
        try (Connection db = Practice.database(); PreparedStatement query = db.prepareStatement(
                "select sealed_reason from break_glass_grant where id = ?")) {
            query.setObject(1, UUID.fromString(grantId));
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                assertFalse(row.getString(1).contains("chest"), "sealed at rest");
                assertEquals(REASON, TestCrypto.CIPHER.open(row.getString(1)));
            }
        }
    }

    @Test
    void noReasonNoGrantAndNothingToBreakWhereOneAlreadyHasAccess() {
        for (Map<String, String> body : List.of(Map.<String, String>of(), Map.of("reason", "   "),
                Map.of("reason", "need it"), Map.of("reason", "x".repeat(1001)))) {
            given().auth().oauth2(southNurse()).contentType(ContentType.JSON).body(body)
                    .when().post("/api/conversations/" + conversationId + "/break-glass")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(southNurse()).when().get("/api/conversations/" + conversationId)
                .then().statusCode(404);
        given().auth().oauth2(Practice.northFrontDesk()).contentType(ContentType.JSON).body(Map.of("reason", REASON))
                .when().post("/api/conversations/" + conversationId + "/break-glass")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(southNurse()).contentType(ContentType.JSON).body(Map.of("reason", REASON))
                .when().post("/api/conversations/" + UUID.randomUUID() + "/break-glass")
                .then().statusCode(404);
        given().auth().oauth2(StaffTokens.issue("cora.compliance", List.of("compliance-officer"), List.of("south")))
                .contentType(ContentType.JSON).body(Map.of("reason", REASON))
                .when().post("/api/conversations/" + conversationId + "/break-glass")
                .then().statusCode(403);
        assertTrue(recordsAbout().stream().noneMatch(r -> r.value().contains("conversation.break-glass")),
                "refused attempts grant nothing and record no access");
        assertNull(given().auth().oauth2(southNurse()).when().get("/api/conversations/" + conversationId)
                .then().statusCode(404).extract().path("id"));
    }

    private PhiAccessed awaitAccess(String action) {
        return awaitAccess(action, null);
    }

    private PhiAccessed awaitAccess(String action, String staffUserId) {
        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(20)).until(() -> recordsAbout()
                .stream().filter(r -> EventTypes.PHI_ACCESSED.equals(Practice.header(r, CloudEventHeaders.TYPE)))
                .filter(r -> {
                    PhiAccessed access = practice.read(r, PhiAccessed.class);
                    return action.equals(access.action())
                            && (staffUserId == null || staffUserId.equals(access.staffUserId()));
                }).findFirst().orElse(null), r -> r != null);
        return practice.read(record, PhiAccessed.class);
    }

    private List<ConsumerRecord<String, String>> recordsAbout() {
        return Practice.recordsAbout(Topics.AUDIT_ACCESS, conversationId);
    }
}
