package org.carethread.audit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.KafkaBroker;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.ConversationOpened;
import org.carethread.schemas.events.PhiAccessed;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Supervisors and compliance officers see who read a conversation, newest read first; asking is recorded too. */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "audit"))
class ConversationReadersTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SOURCE = "/carethread/conversation-service";

    @Inject
    ObjectMapper json;

    @Test
    void everyReadOfTheConversationIsListedNewestFirstWithRolesAndAddress() throws Exception {
        String conversation = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String patient = TestCrypto.BLIND_INDEX.ofAddress("15557770001");
        // Dr Diaz's read names her as services do today: Keycloak subject, and username beside it.
        String diazSubject = UUID.randomUUID().toString();
        String diaz = "dr.diaz" + UUID.randomUUID().toString().substring(0, 6);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        KafkaBroker.shared().send(List.of(
                CloudEventRecords.record(json, Topics.CONVERSATION_EVENTS, patient, UUID.randomUUID().toString(),
                        EventTypes.CONVERSATION_OPENED, SOURCE, conversation, t0,
                        new ConversationOpened(conversation, "north", "north-front-desk", "sms", patient, t0)),
                CloudEventRecords.record(json, Topics.AUDIT_ACCESS, patient, UUID.randomUUID().toString(),
                        EventTypes.PHI_ACCESSED, SOURCE, conversation, t0.plusSeconds(1),
                        new PhiAccessed("nurse.nora", List.of("nurse"), "conversation.read", conversation, patient,
                                "north", "192.0.2.10", null, t0.plusSeconds(1))),
                CloudEventRecords.record(json, Topics.AUDIT_ACCESS, patient, UUID.randomUUID().toString(),
                        EventTypes.PHI_ACCESSED, SOURCE, other, t0.plusSeconds(2),
                        new PhiAccessed("fran.frontdesk", List.of("front-desk"), "conversation.read", other, patient,
                                "north", "192.0.2.30", null, t0.plusSeconds(2))),
                CloudEventRecords.record(json, Topics.AUDIT_ACCESS, patient, UUID.randomUUID().toString(),
                        EventTypes.PHI_ACCESSED, SOURCE, conversation, t0.plusSeconds(3),
                        new PhiAccessed(diazSubject, List.of("provider", "supervisor"), "conversation.read",
                                conversation, patient, "north", "192.0.2.20", null, t0.plusSeconds(3), diaz))));

        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", Staff.supervisor("sam.supervisor"))
                .when().get("/api/audit/conversations/" + conversation + "/readers").then()
                .statusCode(200).body("total", equalTo(2)));

        String supervisor = "sam-" + UUID.randomUUID();
        given().header("Authorization", Staff.supervisor(supervisor))
                .when().get("/api/audit/conversations/" + conversation + "/readers").then()
                .statusCode(200)
                .contentType("application/json")
                .body("conversationId", equalTo(conversation))
                .body("total", equalTo(2))
                .body("readers.staffUserId", contains(diazSubject, "nurse.nora"))
                .body("readers.staffName", contains(diaz, null))
                .body("readers[0].roles", contains("provider", "supervisor"))
                .body("readers[1].roles", contains("nurse"))
                .body("readers.clientAddress", contains("192.0.2.20", "192.0.2.10"))
                .body("readers.action", contains("conversation.read", "conversation.read"))
                .body("readers.readAt", contains(t0.plusSeconds(3).toString(), t0.plusSeconds(1).toString()));

        given().header("Authorization", Staff.complianceOfficer("carol.compliance"))
                .queryParam("size", "1").queryParam("page", "1")
                .when().get("/api/audit/conversations/" + conversation + "/readers").then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("readers.staffUserId", contains("nurse.nora"));

        // The log is searched by the username as well as by the subject.
        for (String actor : List.of(diaz, diazSubject)) {
            given().header("Authorization", Staff.complianceOfficer("carol.compliance"))
                    .queryParam("actor", actor).queryParam("conversationId", conversation)
                    .when().get("/api/audit/events").then()
                    .statusCode(200)
                    .body("total", equalTo(1))
                    .body("entries[0].actorUserId", equalTo(diazSubject))
                    .body("entries[0].actorName", equalTo(diaz));
        }

        // Asking who read a conversation is itself in the log, with the caller as actor and the question as subject.
        try (Connection db = AuditDatabase.connect(); PreparedStatement query = db.prepareStatement(
                "select subject from audit_entry where action = 'audit.readers' and actor_user_id = ?")) {
            query.setString(1, supervisor);
            List<String> subjects = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    subjects.add(rows.getString(1));
                }
            }
            assertEquals(List.of("conversationId=" + conversation + "&page=0&size=50"), subjects);
        }
    }

    @Test
    void onlySupervisorsAndComplianceOfficersMayAsk() {
        String path = "/api/audit/conversations/" + UUID.randomUUID() + "/readers";
        given().header("Authorization", Staff.frontDesk("fran.frontdesk")).when().get(path).then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("readers"));
        given().when().get(path).then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("Authorization", Staff.supervisor("sam.supervisor")).queryParam("size", "0")
                .when().get(path).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("'size'"));
    }

    @Test
    void aBreakGlassReadShowsWhyToTheReviewerAndKeepsTheReasonSealedAtRest() throws Exception {
        String conversation = UUID.randomUUID().toString();
        String patient = TestCrypto.BLIND_INDEX.ofAddress("15557770002");
        String reason = "Covering South desk: patient called about chest pain";
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        KafkaBroker.shared().send(List.of(
                CloudEventRecords.record(json, Topics.AUDIT_ACCESS, patient, UUID.randomUUID().toString(),
                        EventTypes.PHI_ACCESSED, SOURCE, conversation, at,
                        new PhiAccessed("nell.south", List.of("nurse"), "conversation.read", conversation, patient,
                                "north", "198.51.100.23", TestCrypto.CIPHER.seal(reason), at)),
                // a purpose in clear is never stored: the access is, without it
                CloudEventRecords.record(json, Topics.AUDIT_ACCESS, patient, UUID.randomUUID().toString(),
                        EventTypes.PHI_ACCESSED, SOURCE, conversation, at.plusSeconds(1),
                        new PhiAccessed("nick.north", List.of("front-desk"), "conversation.read", conversation,
                                patient, "north", "198.51.100.24", reason, at.plusSeconds(1)))));

        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", Staff.supervisor("sam.supervisor"))
                .when().get("/api/audit/conversations/" + conversation + "/readers").then()
                .statusCode(200).body("total", equalTo(2)));
        given().header("Authorization", Staff.supervisor("sam.supervisor"))
                .when().get("/api/audit/conversations/" + conversation + "/readers").then()
                .statusCode(200)
                .body("readers.staffUserId", contains("nick.north", "nell.south"))
                .body("readers.breakGlass", contains(false, true))
                .body("readers[1].purpose", equalTo(reason))
                .body("readers[0].purpose", equalTo(null));
        given().header("Authorization", Staff.complianceOfficer("cora.compliance"))
                .queryParam("conversationId", conversation).queryParam("format", "csv")
                .when().get("/api/audit/export").then()
                .statusCode(200).body(containsString(",true," + reason));

        try (Connection db = AuditDatabase.connect(); PreparedStatement query = db.prepareStatement(
                "select sealed_purpose from audit_entry where conversation_id = ? order by seq")) {
            query.setString(1, conversation);
            try (ResultSet rows = query.executeQuery()) {
                List<String> purposes = new ArrayList<>();
                while (rows.next()) {
                    purposes.add(rows.getString(1));
                }
                assertEquals(2, purposes.size());
                assertEquals(reason, TestCrypto.CIPHER.open(purposes.get(0)));
                assertEquals(null, purposes.get(1), "the clear one was left out");
            }
        }
        given().header("Authorization", Staff.complianceOfficer("cora.compliance"))
                .when().get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }
}
