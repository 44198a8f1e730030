package org.carethread.audit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.carethread.schemas.events.PhiAccessed;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** A compliance officer exports matching entries as CSV or JSON for an auditor; each export is itself audited. */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "audit"))
class AuditExportTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SOURCE = "/carethread/conversation-service";

    @Inject
    ObjectMapper json;

    @Test
    void theMatchingEntriesComeAsCsvAndAsJsonInChainOrderAndEachExportIsRecorded() throws Exception {
        String conversation = UUID.randomUUID().toString();
        String patient = TestCrypto.BLIND_INDEX.ofAddress("15557770002");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        // Same key, same partition: recorded, and so chained, in this order.
        KafkaBroker.shared().send(List.of(
                read(ids.get(0), "nurse.nora", conversation, patient, "192.0.2.10", t0),
                read(ids.get(1), "dr.diaz", conversation, patient, "192.0.2.20", t0.plusSeconds(1)),
                read(ids.get(2), "nurse.nora", conversation, patient, "192.0.2.10", t0.plusSeconds(2))));
        await().atMost(WAIT).untilAsserted(() -> given().header("Authorization", Staff.complianceOfficer("carol"))
                .queryParam("conversationId", conversation).when().get("/api/audit/events").then()
                .statusCode(200).body("total", equalTo(3)));

        String officer = "auditor-" + UUID.randomUUID();
        String csv = given().header("Authorization", Staff.complianceOfficer(officer))
                .queryParam("format", "csv").queryParam("conversationId", conversation)
                .when().get("/api/audit/export").then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("carethread-audit.csv"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("seq,eventId,type,action,conversationId,actorUserId,locationCode,clientAddress,occurredAt,"
                + "recordedAt,entryHash,breakGlass,purpose,actorName", lines.get(0));
        assertEquals(4, lines.size(), csv);
        for (int i = 0; i < 3; i++) {
            String[] fields = lines.get(i + 1).split(",", -1);
            assertEquals(14, fields.length, lines.get(i + 1));
            assertEquals(ids.get(i), fields[1]);
            assertEquals(EventTypes.PHI_ACCESSED, fields[2]);
            assertEquals("conversation.read", fields[3]);
            assertEquals(conversation, fields[4]);
            assertEquals(t0.plusSeconds(i).toString(), fields[8]);
            assertTrue(fields[10].matches("[0-9a-f]{64}"), fields[10]);
            assertEquals("false", fields[11], "ordinary reads: no break-glass");
            assertEquals("", fields[12]);
        }
        assertEquals("dr.diaz", lines.get(2).split(",")[5]);

        given().header("Authorization", Staff.complianceOfficer(officer))
                .queryParam("format", "json").queryParam("conversationId", conversation)
                .queryParam("actor", "nurse.nora")
                .when().get("/api/audit/export").then()
                .statusCode(200)
                .contentType(containsString("application/json"))
                .body("eventId", contains(ids.get(0), ids.get(2)))
                .body("actorUserId", contains("nurse.nora", "nurse.nora"))
                .body("clientAddress", contains("192.0.2.10", "192.0.2.10"))
                .body("occurredAt", contains(t0.toString(), t0.plusSeconds(2).toString()));

        // Both exports are in the chain, with the caller as actor and the filters and format as subject.
        assertEquals(List.of("conversationId=" + conversation + "&format=csv",
                "conversationId=" + conversation + "&actor=nurse.nora&format=json"), exportsBy(officer));
        given().header("Authorization", Staff.complianceOfficer("carol"))
                .queryParam("actor", officer).queryParam("action", "audit.export")
                .when().get("/api/audit/events").then()
                .statusCode(200)
                .body("total", equalTo(2));
    }

    @Test
    void anEmptyResultIsAHeaderOrAnEmptyArray() {
        String nobody = UUID.randomUUID().toString();
        String csv = given().header("Authorization", Staff.complianceOfficer("carol"))
                .queryParam("format", "CSV").queryParam("conversationId", nobody)
                .when().get("/api/audit/export").then().statusCode(200).extract().asString();
        assertEquals(1, csv.lines().count(), csv);
        given().header("Authorization", Staff.complianceOfficer("carol"))
                .queryParam("format", "json").queryParam("conversationId", nobody)
                .when().get("/api/audit/export").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void aBadFormatOrFilterIsRefusedAndNothingIsRecorded() throws Exception {
        String officer = "strict-auditor-" + UUID.randomUUID();
        for (String format : new String[] { "xml", "", "csv;json" }) {
            given().header("Authorization", Staff.complianceOfficer(officer)).queryParam("format", format)
                    .when().get("/api/audit/export").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:carethread:problem:invalid-query"))
                    .body("detail", containsString("'format'"));
        }
        given().header("Authorization", Staff.complianceOfficer(officer))
                .when().get("/api/audit/export").then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", Staff.complianceOfficer(officer))
                .queryParam("format", "csv").queryParam("from", "yesterday")
                .when().get("/api/audit/export").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("'from'"));
        assertEquals(List.of(), exportsBy(officer));
    }

    @Test
    void onlyComplianceOfficersMayExport() throws Exception {
        String supervisor = "sam-" + UUID.randomUUID();
        given().header("Authorization", Staff.supervisor(supervisor)).queryParam("format", "csv")
                .when().get("/api/audit/export").then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", Staff.frontDesk("fran.frontdesk")).queryParam("format", "json")
                .when().get("/api/audit/export").then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().queryParam("format", "json").when().get("/api/audit/export").then()
                .statusCode(401)
                .contentType("application/problem+json");
        assertEquals(List.of(), exportsBy(supervisor));
    }

    private org.apache.kafka.clients.producer.ProducerRecord<String, String> read(String id, String staff,
            String conversation, String patient, String address, Instant at) {
        return CloudEventRecords.record(json, Topics.AUDIT_ACCESS, patient, id, EventTypes.PHI_ACCESSED, SOURCE,
                conversation, at, new PhiAccessed(staff, List.of("nurse"), "conversation.read", conversation, patient,
                        "north", address, null, at));
    }

    /** The subjects of the export entries an actor left in the log, oldest first, read straight from the table. */
    private static List<String> exportsBy(String actor) throws Exception {
        try (Connection db = AuditDatabase.connect(); PreparedStatement query = db.prepareStatement(
                "select subject from audit_entry where action = 'audit.export' and actor_user_id = ? order by seq")) {
            query.setString(1, actor);
            List<String> subjects = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    subjects.add(rows.getString(1));
                }
            }
            return subjects;
        }
    }
}
