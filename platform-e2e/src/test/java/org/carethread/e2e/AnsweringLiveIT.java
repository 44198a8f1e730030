package org.carethread.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.carethread.e2e.RunningPlatform.PATIENCE;
import static org.carethread.e2e.RunningPlatform.randomPatientNumber;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Staff following the inbox live and answering with the practice's templates, on the whole platform through the staff
 * gateway with real Keycloak tokens: a patient's text reaches North's open stream (the time from the carrier's webhook
 * is printed, not asserted) and never South's; a template reply goes out in the clinic's words and the staff member's
 * first name from Keycloak.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnsweringLiveIT {
    private static final String NORTH_NUMBER = "15550001001";
    /** The seeded "Please call us" template: staff first name, clinic name and phone, nothing about the patient. */
    private static final String PLEASE_CALL_US = "6f1c2a10-0000-4000-8000-000000000004";

    private RunningPlatform running;
    private final List<LiveStream> streams = new CopyOnWriteArrayList<>();

    @BeforeAll
    void useTheRunningPlatform() {
        running = RunningPlatform.shared();
    }

    @AfterAll
    void hangUp() {
        streams.forEach(LiveStream::close);
    }

    @Test
    void aPatientTextReachesTheLocationsOpenStreamThroughTheGatewayAndNoOtherLocations() {
        LiveStream northStream = watch(running.token("frontdesk.north"));
        LiveStream southStream = watch(running.token("frontdesk.south"));
        northStream.awaitFollowing(running, NORTH_NUMBER);

        String text = "Do you have any openings Thursday? " + UUID.randomUUID();
        int before = northStream.heard().size();
        long webhook = System.nanoTime();
        String patient = randomPatientNumber();
        running.patientTexts(patient, NORTH_NUMBER, text);
        String conversationId = running.awaitConversationWith(running.token("frontdesk.north"), patient, text);
        LiveStream.Heard heard = await().atMost(PATIENCE).until(() -> {
            List<LiveStream.Heard> north = northStream.heard();
            return north.subList(before, north.size()).stream()
                    .filter(h -> "message-added".equals(h.type()) && conversationId.equals(h.conversationId()))
                    .findFirst().orElse(null);
        }, h -> h != null);
        System.out.printf("live update through the gateway: %d ms from the carrier's webhook to North's stream%n",
                Duration.ofNanos(heard.at() - webhook).toMillis());
        assertFalse(southStream.heard().stream().anyMatch(h -> conversationId.equals(h.conversationId())),
                "South's stream heard of a North conversation");
    }

    @Test
    void aTemplateReplyGoesOutInTheClinicsWordsSignedWithTheStaffMembersFirstName() {
        String patient = randomPatientNumber();
        String text = "Question about my bill " + UUID.randomUUID();
        running.patientTexts(patient, NORTH_NUMBER, text);
        String frontDesk = running.token("frontdesk.north");
        String conversationId = running.awaitConversationWith(frontDesk, patient, text);

        String expected = "Hello, this is Fiona from North Clinic. Please call us at (555) 000-1001 so we can help you"
                + " with this.";
        given().auth().oauth2(frontDesk).contentType(ContentType.JSON).body(Map.of("templateId", PLEASE_CALL_US))
                .post(running.staff + "/api/conversations/" + conversationId + "/template-preview")
                .then().statusCode(200)
                .body("text", equalTo(expected));
        given().auth().oauth2(frontDesk).contentType(ContentType.JSON).body(Map.of("templateId", PLEASE_CALL_US))
                .post(running.staff + "/api/conversations/" + conversationId + "/replies")
                .then().statusCode(202);
        JsonPath sent = await().atMost(PATIENCE).until(() -> running.sentTo(patient, expected), s -> s != null);
        assertEquals(NORTH_NUMBER, sent.getString("from"));
    }

    /** Opens the live stream through the gateway as the staff member, as the web app reads it. */
    private LiveStream watch(String token) {
        LiveStream stream = LiveStream.open(running, token);
        streams.add(stream);
        return stream;
    }
}
