package org.carethread.audit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
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

/** The log cannot be changed through the database, and a change made behind its back is found by verification. */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "audit"))
class AuditChainTest {
    private static final String OFFICER = Staff.complianceOfficer("carol.compliance");

    @Inject
    ObjectMapper json;

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateEntries() throws Exception {
        String conversation = UUID.randomUUID().toString();
        long seq = recordRead(conversation);
        try (Connection db = AuditDatabase.connect(); Statement sql = db.createStatement()) {
            for (String change : List.of("update audit_entry set action = 'nothing.happened' where seq = " + seq,
                    "delete from audit_entry where seq = " + seq, "truncate audit_entry")) {
                SQLException refused = assertThrows(SQLException.class, () -> sql.executeUpdate(change), change);
                assertEquals(true, refused.getMessage().contains("audit_entry is append-only"),
                        refused.getMessage());
            }
        }
        given().header("Authorization", OFFICER).queryParam("conversationId", conversation)
                .when().get("/api/audit/events").then()
                .statusCode(200)
                .body("entries", hasSize(1))
                .body("entries[0].seq", equalTo((int) seq))
                .body("entries[0].action", equalTo("conversation.read"));
    }

    @Test
    void verificationFindsExactlyTheEntryChangedBehindTheLogsBack() throws Exception {
        long seq = recordRead(UUID.randomUUID().toString());
        given().header("Authorization", OFFICER).when().get("/api/audit/verify").then()
                .statusCode(200)
                .body("intact", equalTo(true))
                .body("entries", greaterThan((int) seq));

        // Only the database owner can do this, and only by switching the guard off, as an attacker with it would.
        rewriteAction(seq, "conversation.opened");
        try {
            given().header("Authorization", OFFICER).when().get("/api/audit/verify").then()
                    .statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstBrokenSeq", equalTo((int) seq))
                    .body("problem", equalTo("entry altered"));
        } finally {
            rewriteAction(seq, "conversation.read");
        }

        given().header("Authorization", OFFICER).when().get("/api/audit/verify").then()
                .statusCode(200)
                .body("intact", equalTo(true));
        // Each verification is in the log too, under the officer who asked.
        given().header("Authorization", OFFICER).queryParam("action", "audit.verify")
                .queryParam("actor", "carol.compliance")
                .when().get("/api/audit/events").then()
                .statusCode(200)
                .body("total", greaterThan(2))
                .body(containsString("carethread.audit.verified.v1"));
    }

    /** Publishes one read of PHI and answers its entry's seq once it is in the log. */
    private long recordRead(String conversation) {
        String patient = TestCrypto.BLIND_INDEX.ofAddress("15557770001");
        Instant at = Instant.now();
        KafkaBroker.shared().send(List.of(CloudEventRecords.record(json, Topics.AUDIT_ACCESS, patient,
                UUID.randomUUID().toString(), EventTypes.PHI_ACCESSED, "/carethread/conversation-service",
                conversation, at, new PhiAccessed("nurse.nora", List.of("nurse"), "conversation.read", conversation,
                        patient, "north", "192.0.2.30", null, at))));
        long[] seq = new long[1];
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> seq[0] = given().header("Authorization", OFFICER)
                .queryParam("conversationId", conversation)
                .when().get("/api/audit/events").then()
                .statusCode(200)
                .body("entries", hasSize(1))
                .extract().jsonPath().getLong("entries[0].seq"));
        return seq[0];
    }

    private static void rewriteAction(long seq, String action) throws SQLException {
        try (Connection db = AuditDatabase.connect()) {
            db.setAutoCommit(false);
            try (Statement ddl = db.createStatement();
                    PreparedStatement update = db.prepareStatement("update audit_entry set action = ? where seq = ?")) {
                ddl.execute("alter table audit_entry disable trigger audit_entry_append_only");
                update.setString(1, action);
                update.setLong(2, seq);
                assertEquals(1, update.executeUpdate());
                ddl.execute("alter table audit_entry enable trigger audit_entry_append_only");
            }
            db.commit();
        }
    }
}
