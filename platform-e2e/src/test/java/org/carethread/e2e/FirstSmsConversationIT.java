package org.carethread.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.carethread.e2e.RunningPlatform.randomPatientNumber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.carethread.launcher.LocalPlatform;
import org.carethread.localinfra.VonageWebhookSigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The first SMS conversation, end to end, on the whole platform as {@code ./run-local.sh} starts it: real Kafka,
 * PostgreSQL, Keycloak, the five services, the staff gateway and the sandbox carrier. The test acts only as a
 * carrier and as staff members would: over HTTP, with Keycloak tokens. The platform is the JVM's one
 * {@link RunningPlatform}, shared with the other IT classes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstSmsConversationIT {
    private static final String NORTH_NUMBER = "15550001001";
    private static final Duration PATIENCE = RunningPlatform.PATIENCE;

    private RunningPlatform running;
    private LocalPlatform platform;
    private String staff;
    private String webhooks;

    @BeforeAll
    void useTheRunningPlatform() {
        running = RunningPlatform.shared();
        platform = running.platform;
        staff = running.staff;
        webhooks = running.webhooks;
    }

    @Test
    @Order(1)
    void aPatientTextReachesTheRightFrontDeskAndTheReplyGoesOutDeliveredAndAudited() {
        String patient = randomPatientNumber();
        String text = "Hi, can I move my appointment to Friday? " + UUID.randomUUID();
        patientTexts(patient, NORTH_NUMBER, text);

        String north = token("frontdesk.north");
        String south = token("frontdesk.south");
        String conversationId = awaitConversationWith(north, patient, text);

        // South's front desk neither lists it nor can open it: 404, as for a conversation that does not exist.
        List<String> southIds = given().auth().oauth2(south).get(staff + "/api/conversations")
                .then().statusCode(200).extract().jsonPath().getList("id");
        assertTrue(!southIds.contains(conversationId), "South front desk sees a North conversation");
        given().auth().oauth2(south).get(staff + "/api/conversations/" + conversationId)
                .then().statusCode(404).contentType("application/problem+json");

        String reply = "Friday at 10 works. See you then! " + UUID.randomUUID();
        given().auth().oauth2(north).contentType(ContentType.JSON).body(Map.of("text", reply))
                .post(staff + "/api/conversations/" + conversationId + "/replies")
                .then().statusCode(202);

        // The Vonage SDK's request reaches the carrier stand-in with the right to, from and text.
        JsonPath sent = await().atMost(PATIENCE).until(() -> sentTo(patient, reply), found -> found != null);
        assertEquals(NORTH_NUMBER, sent.getString("from"));

        // The carrier's status callbacks mark it delivered.
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath detail = given().auth().oauth2(north).get(staff + "/api/conversations/" + conversationId)
                    .then().statusCode(200).extract().jsonPath();
            assertEquals("DELIVERED", detail.getString("messages.find { it.text == '" + reply + "' }.deliveryStatus"));
        });

        // Compliance finds the receipt, the read and the reply in the audit log.
        String compliance = token("compliance");
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<String> actions = given().auth().oauth2(compliance).queryParam("conversationId", conversationId)
                    .get(staff + "/api/audit/events").then().statusCode(200).extract().jsonPath()
                    .getList("entries.action");
            assertTrue(actions.contains("message.added"), "no receipt of the patient's message in " + actions);
            assertTrue(actions.contains("conversation.read"), "no read in " + actions);
            assertTrue(actions.contains("reply.requested"), "no reply in " + actions);
            assertTrue(actions.contains("delivery.status"), "no delivery status in " + actions);
        });
    }

    @Test
    @Order(2)
    void aForgedCarrierSignatureIsRefusedAndNothingArrives() {
        String patient = randomPatientNumber();
        String text = "forged " + UUID.randomUUID();
        String body = inboundBody(UUID.randomUUID().toString(), patient, NORTH_NUMBER, text);
        given().header("Authorization", new VonageWebhookSigner("not-the-practice-secret").bearerFor(body))
                .contentType(ContentType.JSON).body(body).post(webhooks + "/webhooks/vonage/inbound")
                .then().statusCode(401).contentType("application/problem+json");

        // A genuine message sent afterwards arrives; the forged one never does.
        String genuine = "genuine " + UUID.randomUUID();
        patientTexts(patient, NORTH_NUMBER, genuine);
        String north = token("frontdesk.north");
        String conversationId = awaitConversationWith(north, patient, genuine);
        List<String> texts = messageTexts(north, conversationId);
        assertTrue(!texts.contains(text), "a forged message reached the inbox");
    }

    @Test
    @Order(3)
    void aWebhookDeliveredTwiceYieldsOneMessage() {
        String patient = randomPatientNumber();
        String text = "twice " + UUID.randomUUID();
        String body = inboundBody(UUID.randomUUID().toString(), patient, NORTH_NUMBER, text);
        VonageWebhookSigner signer = new VonageWebhookSigner(platform.signatureSecret());
        for (int attempt = 0; attempt < 2; attempt++) {
            given().header("Authorization", signer.bearerFor(body)).contentType(ContentType.JSON).body(body)
                    .post(webhooks + "/webhooks/vonage/inbound").then().statusCode(200);
        }
        String north = token("frontdesk.north");
        String conversationId = awaitConversationWith(north, patient, text);
        // Give a second copy every chance to arrive before counting.
        String later = "later " + UUID.randomUUID();
        patientTexts(patient, NORTH_NUMBER, later);
        await().atMost(PATIENCE).until(() -> messageTexts(north, conversationId).contains(later));
        assertEquals(1, messageTexts(north, conversationId).stream().filter(text::equals).count());
    }

    @Test
    @Order(4)
    void aBrokerRestartInTheMiddleOfARunLosesNothingAndDuplicatesNothing() throws Exception {
        String patient = randomPatientNumber();
        String run = UUID.randomUUID().toString().substring(0, 8);
        int messages = 12;
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            String text = "run " + run + " message " + i;
            if (i == messages / 3) {
                sends.add(CompletableFuture.runAsync(platform::restartKafka));
            }
            // The sandbox carrier retries a 5xx webhook answer, as Vonage does.
            sends.add(CompletableFuture.runAsync(() -> patientTexts(patient, NORTH_NUMBER, text)));
            Thread.sleep(150);
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();

        String north = token("frontdesk.north");
        String conversationId = awaitConversationWith(north, patient, "run " + run + " message 0");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            List<String> texts = messageTexts(north, conversationId);
            for (int i = 0; i < messages; i++) {
                String expected = "run " + run + " message " + i;
                assertEquals(1, texts.stream().filter(expected::equals).count(), "'" + expected + "' in " + texts);
            }
        });
    }

    // ---- acting as the patient, the carrier and staff ----

    private void patientTexts(String from, String to, String text) {
        running.patientTexts(from, to, text);
    }

    private JsonPath sentTo(String patient, String text) {
        return running.sentTo(patient, text);
    }

    private String awaitConversationWith(String token, String patient, String text) {
        return running.awaitConversationWith(token, patient, text);
    }

    private List<String> messageTexts(String token, String conversationId) {
        return running.messageTexts(token, conversationId);
    }

    private String token(String username) {
        return running.token(username);
    }

    private static String inboundBody(String messageUuid, String from, String to, String text) {
        return RunningPlatform.toJson(Map.of("channel", "sms", "message_type", "text", "message_uuid", messageUuid,
                "from", from, "to", to, "text", text, "timestamp", Instant.now().toString(),
                "sms", Map.of("num_messages", "1")));
    }
}
