package org.carethread.conversation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.schemas.DeliveryStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Staff watching live over server-sent events: a patient's message, a reply's delivery, each reaches the staff of the
 * conversation's location through the real broker, and never another location's staff.
 */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "conversation"))
class LiveUpdatesTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/api/live")
    URL live;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Stream<String>> streams = new CopyOnWriteArrayList<>();

    /** A line of the stream and when it arrived. */
    record Heard(Instant at, JsonNode update) {
    }

    @AfterEach
    void hangUp() {
        streams.forEach(Stream::close);
    }

    @Test
    void aPatientMessageAndItsReplysDeliveryReachTheLocationsStaffLiveAndNobodyElse() {
        Practice practice = new Practice(json);
        List<Heard> north = watch(Practice.northFrontDesk());
        List<Heard> south = watch(Practice.southFrontDesk());
        await().atMost(PATIENCE).until(() -> has(north, "heartbeat", null) && has(south, "heartbeat", null));

        // The live consumer reads from the newest event on, once Kafka has given it its partitions: wait for that
        // with a warm-up patient whose messages repeat until one is heard.
        String warmUp = Practice.newPatientNumber();
        AtomicInteger sent = new AtomicInteger();
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            practice.decide(warmUp, "north", "warm-up " + sent.incrementAndGet());
            return north.stream().anyMatch(h -> "message-added".equals(h.update().path("type").asText()));
        });

        String patient = Practice.newPatientNumber();
        Instant published = Instant.now();
        practice.decide(patient, "north", "Is my prescription ready?");
        String conversationId = (String) Practice.awaitInboxEntry(Practice.northFrontDesk(), patient).get("id");
        await().atMost(PATIENCE).until(() -> has(north, "message-added", conversationId));
        Instant heard = north.stream().filter(h -> matches(h, "message-added", conversationId)).findFirst()
                .orElseThrow().at();
        assertTrue(has(north, "opened", conversationId));
        System.out.printf("live update: patient message heard by North staff %d ms after routing's decision%n",
                Duration.between(published, heard).toMillis());

        String replyId = given().auth().oauth2(Practice.northFrontDesk()).contentType(ContentType.JSON)
                .body(Map.of("text", "Yes, it is ready for pickup."))
                .when().post("/api/conversations/" + conversationId + "/replies")
                .then().statusCode(202).extract().path("id");
        await().atMost(PATIENCE).until(() -> has(north, "replied", conversationId));
        practice.deliveryStatus(replyId, conversationId, patient, DeliveryStatus.DELIVERED, null);
        await().atMost(PATIENCE).until(() -> has(north, "delivery-updated", conversationId));

        int southHeartbeats = (int) south.stream().filter(h -> "heartbeat".equals(h.update().path("type").asText()))
                .count();
        await().atMost(PATIENCE).until(() -> south.stream()
                .filter(h -> "heartbeat".equals(h.update().path("type").asText())).count() > southHeartbeats);
        assertFalse(south.stream().anyMatch(h -> !h.update().path("conversationId").isMissingNode()
                && !h.update().path("conversationId").isNull()), "South hears only heartbeats: " + south);
        assertFalse(north.stream().anyMatch(h -> h.update().toString().contains(patient)),
                "no patient address in the stream");
    }

    @Test
    void withoutATokenThereIsNoStream() throws Exception {
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(live.toURI())
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, refused.statusCode());
    }

    /** Opens a stream as the staff member and collects what it says, as the app would read it. */
    private List<Heard> watch(String token) {
        List<Heard> heard = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(live.toString()))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            streams.add(response.body());
            response.body().filter(line -> line.startsWith("data:")).forEach(line -> {
                try {
                    heard.add(new Heard(Instant.now(), json.readTree(line.substring("data:".length()).trim())));
                } catch (Exception e) {
                    throw new AssertionError("not JSON: " + line, e);
                }
            });
        });
        return heard;
    }

    private static boolean has(List<Heard> heard, String type, String conversationId) {
        return heard.stream().anyMatch(h -> matches(h, type, conversationId));
    }

    private static boolean matches(Heard heard, String type, String conversationId) {
        return type.equals(heard.update().path("type").asText())
                && (conversationId == null || conversationId.equals(heard.update().path("conversationId").asText()));
    }
}
