package org.carethread.conversation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.StaffTokens;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.CloudEventHeaders;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.ConversationPurged;
import org.carethread.schemas.events.MessageReceived;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Retention: a resolved conversation whose last message is older than the retention period is purged, whole, and the
 * purge announced for the audit log; a legal hold on it or on its patient keeps it until released; a conversation in
 * progress is never purged. Seven years cannot pass in a test, so a test moves a conversation's activity back in
 * PostgreSQL, as the years would.
 */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "conversation"))
class RetentionTest {
    @Inject
    ObjectMapper json;

    static String compliance() {
        return StaffTokens.issue("cora.compliance", List.of("compliance-officer"), List.of("north"));
    }

    @Test
    void aResolvedConversationPastRetentionIsPurgedWholeAndTheAuditLogIsTold() throws Exception {
        Practice practice = new Practice(json);
        String number = Practice.newPatientNumber();
        String messageEventId = UUID.randomUUID().toString();
        String mediaId = UUID.randomUUID().toString();
        byte[] record = "%PDF-1.4 vaccination record".getBytes(StandardCharsets.US_ASCII);
        practice.publishFile(number, mediaId, messageEventId, "application/pdf", record);
        practice.decision(number, "north", "Here is my vaccination record").messageEventId(messageEventId)
                .attachments(new MessageReceived.Attachment(TestCrypto.CIPHER.seal("record.pdf"), "application/pdf",
                        record.length, mediaId))
                .publish();
        String id = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), number).get("id");
        await().atMost(Duration.ofSeconds(20)).until(() -> fileRows("media_piece", mediaId) == 1);
        given().auth().oauth2(Practice.northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "no-action-needed"))
                .when().post("/api/conversations/" + id + "/resolve").then().statusCode(200);
        given().auth().oauth2(Practice.northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("text", "Note for the team about this patient"))
                .when().post("/api/conversations/" + id + "/notes").then().statusCode(201);
        assertTrue(rows("message", id) > 0);
        List<String> messageEvents = patientMessageEvents(id);
        assertEquals(1, messageEvents.size());

        age(id, 8 * 366);
        await().atMost(Duration.ofSeconds(20)).until(() -> rows("conversation", id) == 0);
        for (String table : List.of("message", "conversation_note", "conversation_change", "message_term",
                "message_attachment")) {
            assertEquals(0, rows(table, id), table + " rows of the purged conversation");
        }
        assertEquals(0, fileRows("media_piece", mediaId), "the patient's file goes with it");
        assertEquals(0, fileRows("media_file", mediaId));
        given().auth().oauth2(Practice.northFrontDesk()).when().get("/api/conversations/" + id)
                .then().statusCode(404);
        var purged = await().atMost(Duration.ofSeconds(20)).until(() -> Practice.recordsAbout(
                Topics.CONVERSATION_EVENTS, id).stream()
                .filter(r -> EventTypes.CONVERSATION_PURGED.equals(Practice.header(r, CloudEventHeaders.TYPE)))
                .findFirst().orElse(null), r -> r != null);
        ConversationPurged event = practice.read(purged, ConversationPurged.class);
        assertEquals("north", event.locationCode());
        assertEquals(2557, event.retentionDays());
        assertEquals(messageEvents, event.messageEventIds(), "routing and notification learn which messages went");
    }

    @Test
    void aFileNoMessageNamedIsDeletedOnceAWeekOldWhileAYoungerOneAndANamedOneStay() throws Exception {
        Practice practice = new Practice(json);
        String number = Practice.newPatientNumber();
        byte[] scan = "%PDF-1.4 insurance card".getBytes(StandardCharsets.US_ASCII);
        String unclaimed = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        String named = UUID.randomUUID().toString();
        String messageEventId = UUID.randomUUID().toString();
        for (String mediaId : List.of(unclaimed, recent, named)) {
            String naming = mediaId.equals(named) ? messageEventId : UUID.randomUUID().toString();
            practice.publishFile(number, mediaId, naming, "application/pdf", scan);
        }
        practice.decision(number, "north", "My insurance card").messageEventId(messageEventId)
                .attachments(new MessageReceived.Attachment(TestCrypto.CIPHER.seal("card.pdf"), "application/pdf",
                        scan.length, named))
                .publish();
        Practice.awaitInboxEntry(Practice.northFrontDesk(), number);
        await().atMost(Duration.ofSeconds(20)).until(() -> fileRows("media_piece", unclaimed) == 1
                && fileRows("media_piece", recent) == 1 && fileRows("media_piece", named) == 1
                && fileRows("message_attachment", named) == 1);

        ageFile(unclaimed, 8);
        ageFile(named, 8);
        ageFile(recent, 6);
        await().atMost(Duration.ofSeconds(20)).until(() -> fileRows("media_file", unclaimed) == 0);
        assertEquals(0, fileRows("media_piece", unclaimed), "the unclaimed file's pieces go with it");
        assertEquals(1, fileRows("media_file", recent), "a file under a week old may still be named by its message");
        assertEquals(1, fileRows("media_piece", named), "a file a message names stays as long as its conversation");
    }

    @Test
    void aLegalHoldOnTheConversationOrItsPatientKeepsItUntilReleased() throws Exception {
        Practice practice = new Practice(json);
        String held = resolvedConversation(practice, Practice.newPatientNumber(), null);
        String patientId = "pat-" + UUID.randomUUID();
        String heldByPatient = resolvedConversation(practice, Practice.newPatientNumber(), patientId);
        String inProgress = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(),
                decide(practice, Practice.newPatientNumber(), null)).get("id");

        String conversationHold = given().auth().oauth2(compliance()).contentType(ContentType.JSON)
                .body(Map.of("conversationId", held, "reason", "Records request, case 2026-114"))
                .when().post("/api/legal-holds").then().statusCode(201)
                .body("active", equalTo(true)).body("placedBy", equalTo("cora.compliance"))
                .extract().path("id");
        String patientHold = given().auth().oauth2(compliance()).contentType(ContentType.JSON)
                .body(Map.of("patientId", patientId, "reason", "Litigation hold"))
                .when().post("/api/legal-holds").then().statusCode(201).extract().path("id");
        given().auth().oauth2(compliance()).when().get("/api/legal-holds").then().statusCode(200)
                .body("id", hasItem(conversationHold)).body("id", hasItem(patientHold));

        for (String id : List.of(held, heldByPatient, inProgress)) {
            age(id, 8 * 366);
        }
        Thread.sleep(3000); // three runs of the purge
        assertEquals(1, rows("conversation", held), "held itself");
        assertEquals(1, rows("conversation", heldByPatient), "its patient is held");
        assertEquals(1, rows("conversation", inProgress), "still in progress");

        given().auth().oauth2(compliance()).when().delete("/api/legal-holds/" + conversationHold)
                .then().statusCode(200).body("active", equalTo(false)).body("releasedBy", equalTo("cora.compliance"));
        await().atMost(Duration.ofSeconds(20)).until(() -> rows("conversation", held) == 0);
        assertEquals(1, rows("conversation", heldByPatient), "the patient's hold still stands");
        given().auth().oauth2(compliance()).when().get("/api/legal-holds").then().statusCode(200)
                .body("id", not(hasItem(conversationHold)));
        given().auth().oauth2(compliance()).when().get("/api/legal-holds?all=true").then().statusCode(200)
                .body("id", hasItem(conversationHold));

        given().auth().oauth2(compliance()).when().delete("/api/legal-holds/" + patientHold).then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> rows("conversation", heldByPatient) == 0);
        assertEquals(1, rows("conversation", inProgress));
    }

    @Test
    void onlyComplianceOfficersHoldAndAHoldNeedsOneSubjectAndAReason() {
        given().auth().oauth2(Practice.northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("patientId", "pat-1", "reason", "x"))
                .when().post("/api/legal-holds").then().statusCode(403);
        for (Map<String, String> bad : List.of(Map.of("reason", "no subject"),
                Map.of("patientId", "pat-1", "conversationId", UUID.randomUUID().toString(), "reason", "both"),
                Map.of("patientId", "pat-1"), Map.of("conversationId", "not-an-id", "reason", "bad id"))) {
            given().auth().oauth2(compliance()).contentType(ContentType.JSON).body(bad)
                    .when().post("/api/legal-holds").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(compliance()).when().delete("/api/legal-holds/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    /** A conversation the patient started and staff resolved; answers its id. */
    private static String resolvedConversation(Practice practice, String patient, String patientId) {
        String id = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), decide(practice, patient, patientId))
                .get("id");
        given().auth().oauth2(Practice.northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("outcome", "no-action-needed"))
                .when().post("/api/conversations/" + id + "/resolve").then().statusCode(200);
        return id;
    }

    private static String decide(Practice practice, String patient, String patientId) {
        var decision = practice.decision(patient, "north", "Please send my vaccination record");
        if (patientId != null) {
            decision.identity("matched", patientId);
        }
        decision.publish();
        return patient;
    }

    /** Moves the conversation's last activity back by days, as if they had passed. */
    private static void age(String id, int days) throws SQLException {
        try (Connection db = Practice.database(); PreparedStatement update = db.prepareStatement(
                "update conversation set last_message_at = last_message_at - make_interval(days => ?) where id = ?")) {
            update.setInt(1, days);
            update.setObject(2, UUID.fromString(id));
            assertEquals(1, update.executeUpdate());
        }
    }

    /** Moves back when a file's first piece came, by days. */
    private static void ageFile(String mediaId, int days) throws SQLException {
        try (Connection db = Practice.database(); PreparedStatement update = db.prepareStatement(
                "update media_file set first_piece_at = first_piece_at - make_interval(days => ?) where media_id = ?")) {
            update.setInt(1, days);
            update.setObject(2, UUID.fromString(mediaId));
            assertEquals(1, update.executeUpdate());
        }
    }

    private static List<String> patientMessageEvents(String conversationId) throws SQLException {
        try (Connection db = Practice.database(); PreparedStatement query = db.prepareStatement(
                "select source_event_id from message where conversation_id = ? and source_event_id is not null")) {
            query.setObject(1, UUID.fromString(conversationId));
            List<String> ids = new java.util.ArrayList<>();
            try (ResultSet found = query.executeQuery()) {
                while (found.next()) {
                    ids.add(found.getString(1));
                }
            }
            return ids;
        }
    }

    private static int fileRows(String table, String mediaId) throws SQLException {
        return count(table, "media_id", mediaId);
    }

    private static int rows(String table, String conversationId) throws SQLException {
        return count(table, "conversation".equals(table) ? "id" : "conversation_id", conversationId);
    }

    private static int count(String table, String column, String id) throws SQLException {
        try (Connection db = Practice.database(); PreparedStatement query = db.prepareStatement(
                "select count(*) from " + table + " where " + column + " = ?")) {
            query.setObject(1, UUID.fromString(id));
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getInt(1);
            }
        }
    }
}
