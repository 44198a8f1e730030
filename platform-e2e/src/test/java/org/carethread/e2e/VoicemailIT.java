package org.carethread.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.carethread.e2e.RunningPlatform.randomPatientNumber;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A voicemail end to end: the sandbox carrier plays Vonage Voice (answer, recording, transcription) against
 * ingestion-service, whose SDK fetches the recording and transcript back from the sandbox; the front desk finds the
 * transcript in the caller's conversation and answers by text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VoicemailIT {
    private static final String NORTH_NUMBER = "15550001001";

    private RunningPlatform running;

    @BeforeAll
    void useTheRunningPlatform() {
        running = RunningPlatform.shared();
    }

    @Test
    void aVoicemailIsGreetedInTheClinicsWordsReachesItsFrontDeskAndIsAnsweredByText() {
        String caller = randomPatientNumber();
        String transcript = "Please call me back about moving my appointment " + UUID.randomUUID();

        given().contentType(ContentType.JSON)
                .body(Map.of("from", caller, "to", NORTH_NUMBER, "transcript", transcript))
                .post(running.carrier + "/sandbox/voicemail")
                .then().statusCode(200)
                .body("greeting", startsWith("You have reached North Clinic."))
                .body("recording_status", equalTo(200))
                .body("transcription_status", equalTo(200));

        String north = running.token("frontdesk.north");
        String conversationId = running.awaitConversationWith(north, caller, transcript);
        given().auth().oauth2(north).get(running.staff + "/api/conversations/" + conversationId)
                .then().statusCode(200)
                .body("channel", equalTo("voicemail"))
                .body("routing.reason", startsWith("Called North Clinic."));

        // The recording crossed Kafka in sealed pieces and is played from conversation-service, whole: a WAV file.
        String mediaId = await().atMost(RunningPlatform.PATIENCE).until(() -> given().auth().oauth2(north)
                .get(running.staff + "/api/conversations/" + conversationId).then().statusCode(200).extract()
                .jsonPath().getString("messages.find { it.direction == 'inbound' }.attachments"
                        + ".find { it.state == 'ready' }.mediaId"), id -> id != null);
        byte[] recording = given().auth().oauth2(north)
                .get(running.staff + "/api/conversations/" + conversationId + "/attachments/" + mediaId)
                .then().statusCode(200)
                .header("Content-Type", startsWith("audio/"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .extract().asByteArray();
        assertEquals("RIFF", new String(recording, 0, 4, StandardCharsets.US_ASCII));
        assertEquals("WAVE", new String(recording, 8, 4, StandardCharsets.US_ASCII));
        given().auth().oauth2(running.token("frontdesk.south"))
                .get(running.staff + "/api/conversations/" + conversationId + "/attachments/" + mediaId)
                .then().statusCode(404);

        String reply = "We can move it to Friday at 10. " + UUID.randomUUID();
        given().auth().oauth2(north).contentType(ContentType.JSON).body(Map.of("text", reply))
                .post(running.staff + "/api/conversations/" + conversationId + "/replies")
                .then().statusCode(202);
        JsonPath sent = await().atMost(RunningPlatform.PATIENCE).until(() -> running.sentTo(caller, reply),
                found -> found != null);
        assertEquals(NORTH_NUMBER, sent.getString("from"), "a text back from the number called");
    }
}
