package org.carethread.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.carethread.e2e.RunningPlatform.PATIENCE;
import static org.carethread.e2e.RunningPlatform.randomPatientNumber;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

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
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Stream<String>> streams = new CopyOnWriteArrayList<>();

    @BeforeAll
    void useTheRunningPlatform() {
        running = RunningPlatform.shared();
    }

    @AfterAll
    void hangUp() {
        streams.forEach(Stream::close);
    }

    @Test
    void aPatientTextReachesTheLocationsOpenStreamThroughTheGatewayAndNoOtherLocations() {
        List<Heard> north = watch(running.token("frontdesk.north"));
        List<Heard> south = watch(running.token("frontdesk.south"));
        await().atMost(PATIENCE).until(() -> !north.isEmpty() && !south.isEmpty());

        // The stream follows changes from the newest on once Kafka has assigned the live consumer its partitions.
        AtomicInteger warmUps = new AtomicInteger();
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            running.patientTexts(randomPatientNumber(), NORTH_NUMBER, "warm-up " + warmUps.incrementAndGet());
            return north.stream().anyMatch(h -> h.line().contains("\"message-added\""));
        });

        String text = "Do you have any openings Thursday? " + UUID.randomUUID();
        int before = north.size();
        Instant webhook = Instant.now();
        running.patientTexts(randomPatientNumber(), NORTH_NUMBER, text);
        String conversationId = running.awaitConversationWith(running.token("frontdesk.north"), text);
        Heard heard = await().atMost(PATIENCE).until(() -> north.subList(before, north.size()).stream()
                .filter(h -> h.line().contains("\"message-added\"") && h.line().contains(conversationId))
                .findFirst().orElse(null), h -> h != null);
        System.out.printf("live update through the gateway: %d ms from the carrier's webhook to North's stream%n",
                Duration.between(webhook, heard.at()).toMillis());
        assertFalse(south.stream().anyMatch(h -> h.line().contains(conversationId)),
                "South's stream heard of a North conversation");
    }

    @Test
    void aTemplateReplyGoesOutInTheClinicsWordsSignedWithTheStaffMembersFirstName() {
        String patient = randomPatientNumber();
        String text = "Question about my bill " + UUID.randomUUID();
        running.patientTexts(patient, NORTH_NUMBER, text);
        String frontDesk = running.token("frontdesk.north");
        String conversationId = running.awaitConversationWith(frontDesk, text);

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

    /** A line of the stream and when it arrived. */
    record Heard(Instant at, String line) {
    }

    /** Opens the live stream through the gateway as the staff member, as the web app reads it. */
    private List<Heard> watch(String token) {
        List<Heard> heard = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(running.staff + "/api/live"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            streams.add(response.body());
            response.body().filter(line -> line.startsWith("data:"))
                    .forEach(line -> heard.add(new Heard(Instant.now(), line)));
        });
        return heard;
    }
}
