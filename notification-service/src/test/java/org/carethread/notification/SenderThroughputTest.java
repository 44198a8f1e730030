package org.carethread.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.carethread.notification.PeerService.inboundRecord;
import static org.carethread.notification.PeerService.requestRecordFrom;
import static org.carethread.notification.PeerService.send;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.KafkaBroker;
import org.carethread.localinfra.TestCrypto;
import org.carethread.notification.PeerService.Outbound;
import org.carethread.notification.repository.OutboundMessage;
import org.carethread.notification.repository.SenderPace;
import org.carethread.schemas.Channels;
import org.carethread.schemas.DeliveryStatus;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Each practice number sends no faster than its messages-per-second limit (2 per second for these numbers in the
 * test profile), measured where the carrier sees it: the stand-in's arrival times of the calls.
 */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "notification"))
@QuarkusTestResource(CarrierStandIn.class)
class SenderThroughputTest {
    private static final String BUSY_NUMBER = "15550009001";
    private static final String OTHER_NUMBER = "15550009002";
    private static final String RESTARTED_NUMBER = "15550009003";
    /** 2 messages per second (application.properties, test profile). */
    private static final long INTERVAL_MILLIS = 500;
    /**
     * The stand-in stamps each arrival in whole milliseconds (java.util.Date), so either stamp may be up to 1 ms
     * early and a true 500 ms gap can show as 499 ms. Clock granularity only: nothing else is forgiven.
     */
    private static final long STAMP_GRANULARITY_MILLIS = 1;
    private static final int BURST = 12;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @CarrierStandIn.Carrier
    WireMockServer carrier;

    @Inject
    Mutiny.SessionFactory sessions;

    @BeforeEach
    void carrierTakesEverythingFromTheTestNumbers() {
        for (String number : List.of(BUSY_NUMBER, OTHER_NUMBER, RESTARTED_NUMBER)) {
            carrier.stubFor(post(urlEqualTo("/v1/messages"))
                    .withRequestBody(matchingJsonPath("$.from", WireMock.equalTo(number)))
                    .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                            .withBody("{\"message_uuid\":\"{{randomValue type='UUID'}}\"}")
                            .withTransformers("response-template")));
        }
    }

    @Test
    void aBurstFromOneNumberKeepsItsIntervalAtTheCarrierAndAnotherNumberIsNotHeldUpByIt() {
        Set<String> busyIds = new HashSet<>();
        Set<String> otherIds = new HashSet<>();
        List<ProducerRecord<String, String>> busyBurst = new ArrayList<>();
        List<ProducerRecord<String, String>> otherBurst = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            Outbound outbound = Outbound.fresh();
            busyIds.add(outbound.outboundId());
            busyBurst.add(requestRecordFrom(UUID.randomUUID().toString(), outbound, BUSY_NUMBER));
            Outbound another = Outbound.fresh();
            otherIds.add(another.outboundId());
            otherBurst.add(requestRecordFrom(UUID.randomUUID().toString(), another, OTHER_NUMBER));
        }
        // A STOP confirmation from the busy number waits for its turn like any other message.
        String stopEvent = UUID.randomUUID().toString();
        busyIds.add("consent-" + UUID.nameUUIDFromBytes(stopEvent.getBytes(StandardCharsets.UTF_8)));

        KafkaBroker.shared().send(busyBurst);
        send(inboundRecord(stopEvent, Outbound.fresh().patientNumber(), BUSY_NUMBER, "STOP"));
        KafkaBroker.shared().send(otherBurst);

        List<LoggedRequest> busy = awaitCalls(BUSY_NUMBER, busyIds.size());
        List<LoggedRequest> other = awaitCalls(OTHER_NUMBER, otherIds.size());

        assertEquals(busyIds, clientRefs(busy), "every message of the burst and the STOP confirmation, once each");
        assertEquals(otherIds, clientRefs(other), "every message of the other burst, once each");
        assertKeepsInterval(BUSY_NUMBER, busy);
        assertKeepsInterval(OTHER_NUMBER, other);
        assertTrue(arrival(other.get(0)).isBefore(arrival(busy.get(busy.size() - 1))),
                "the other number's burst started while the busy number's was still going out");
        report(BUSY_NUMBER, busy);
        report(OTHER_NUMBER, other);
    }

    @Test
    void aMessageWaitingForItsNumbersTurnSurvivesARestartAndARedeliveryAndGoesOutOnce() {
        // What a process that stopped mid-send leaves behind: the number's turn held by its dead call (until the
        // claim lease runs out), and a message it had recorded but not yet sent. This process never had either in
        // memory: only the database knows them, as after a restart.
        Instant now = Instant.now();
        OutboundMessage leftBehind = recordedByAStoppedProcess(Outbound.fresh(), now.minusSeconds(5));
        onVertx(() -> sessions.withTransaction(session -> {
            SenderPace pace = new SenderPace();
            pace.practiceNumber = RESTARTED_NUMBER;
            pace.lastCallAnsweredAt = now;
            pace.inFlightOutboundId = "msg-" + UUID.randomUUID();
            pace.turnHeldUntil = now.plusSeconds(60);
            return session.persist(pace).chain(() -> session.persist(leftBehind));
        }));

        Outbound live = Outbound.fresh();
        String eventId = UUID.randomUUID().toString();
        send(requestRecordFrom(eventId, live, RESTARTED_NUMBER));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/outbound-messages/{id}", live.outboundId())
                .then().statusCode(200));
        // Redelivered, and requested again under another event: neither queues a second send.
        send(requestRecordFrom(eventId, live, RESTARTED_NUMBER));
        send(requestRecordFrom(UUID.randomUUID().toString(), live, RESTARTED_NUMBER));
        // The same patient's next message, from North's free number: once it is out, the repeats were read before it.
        Outbound marker = live.next();
        PeerService.carrierAccepts(carrier, marker.outboundId(), UUID.randomUUID().toString());
        send(PeerService.requestRecord(UUID.randomUUID().toString(), marker));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/outbound-messages/{id}", marker.outboundId())
                .then().body("status", equalTo("SUBMITTED")));
        // Both wait for the turn, queued and untried, however long the sweeper has been finding them due.
        for (String id : List.of(leftBehind.outboundId, live.outboundId())) {
            given().get("/outbound-messages/{id}", id).then()
                    .body("status", equalTo("QUEUED"))
                    .body("attempts", equalTo(0));
        }
        assertEquals(List.of(), callsFrom(RESTARTED_NUMBER), "nothing goes out while the turn is held");

        Instant leaseRanOut = Instant.now();
        onVertx(() -> sessions.withTransaction(session -> session.find(SenderPace.class, RESTARTED_NUMBER)
                .invoke(pace -> pace.turnHeldUntil = leaseRanOut)));

        for (String id : List.of(leftBehind.outboundId, live.outboundId())) {
            await().atMost(PATIENCE).untilAsserted(() -> given().get("/outbound-messages/{id}", id).then()
                    .body("status", equalTo("SUBMITTED"))
                    .body("attempts", equalTo(1)));
        }
        List<LoggedRequest> calls = callsFrom(RESTARTED_NUMBER);
        assertEquals(List.of(leftBehind.outboundId, live.outboundId()), calls.stream().map(this::clientRef).toList(),
                "each message once, oldest request first");
        assertFalse(arrival(calls.get(0)).isBefore(leaseRanOut.truncatedTo(ChronoUnit.MILLIS)),
                "nothing went out while the dead sender's turn was still held");
        assertKeepsInterval(RESTARTED_NUMBER, calls);
    }

    private OutboundMessage recordedByAStoppedProcess(Outbound outbound, Instant requestedAt) {
        OutboundMessage message = new OutboundMessage();
        message.outboundId = outbound.outboundId();
        message.conversationId = outbound.conversationId();
        message.patientRef = outbound.patientRef();
        message.channel = Channels.SMS;
        message.practiceNumber = RESTARTED_NUMBER;
        message.sealedTo = TestCrypto.CIPHER.seal(outbound.patientNumber());
        message.sealedText = TestCrypto.CIPHER.seal(outbound.text());
        message.status = DeliveryStatus.QUEUED;
        message.attempts = 0;
        // Its immediate send never happened, so the retry delay has passed: the sweeper finds it due.
        message.nextAttemptAt = requestedAt.plusSeconds(2);
        message.requestedAt = requestedAt;
        message.updatedAt = requestedAt;
        return message;
    }

    /** Consecutive calls from one number arrive at least one interval apart, to the stand-in's clock granularity. */
    private static void assertKeepsInterval(String number, List<LoggedRequest> calls) {
        for (int i = 1; i < calls.size(); i++) {
            long gap = gapMillis(calls.get(i - 1), calls.get(i));
            assertTrue(gap >= INTERVAL_MILLIS - STAMP_GRANULARITY_MILLIS,
                    "calls " + i + " and " + (i + 1) + " from " + number + " arrived " + gap + " ms apart");
        }
    }

    /** Figures for the report, not assertions: how close to the limit the number ran. */
    private static void report(String number, List<LoggedRequest> calls) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < calls.size(); i++) {
            gaps.add(gapMillis(calls.get(i - 1), calls.get(i)));
        }
        long span = gapMillis(calls.get(0), calls.get(calls.size() - 1));
        System.out.printf("sender %s: %d calls in %d ms = %.2f per second; gaps min %d ms, max %d ms: %s%n", number,
                calls.size(), span, (calls.size() - 1) * 1000d / span, gaps.stream().min(Long::compare).orElseThrow(),
                gaps.stream().max(Long::compare).orElseThrow(), gaps);
    }

    private static long gapMillis(LoggedRequest earlier, LoggedRequest later) {
        return later.getLoggedDate().getTime() - earlier.getLoggedDate().getTime();
    }

    private static Instant arrival(LoggedRequest call) {
        return call.getLoggedDate().toInstant();
    }

    private List<LoggedRequest> awaitCalls(String number, int count) {
        return await().atMost(PATIENCE).until(() -> callsFrom(number), calls -> calls.size() >= count);
    }

    /** The carrier calls from one number, in the order they arrived. */
    private List<LoggedRequest> callsFrom(String number) {
        return carrier.findAll(postRequestedFor(urlEqualTo("/v1/messages"))
                        .withRequestBody(matchingJsonPath("$.from", WireMock.equalTo(number)))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    private Set<String> clientRefs(List<LoggedRequest> calls) {
        List<String> refs = calls.stream().map(this::clientRef).toList();
        assertEquals(refs.size(), new HashSet<>(refs).size(), "no message reached the carrier twice: " + refs);
        return new HashSet<>(refs);
    }

    private String clientRef(LoggedRequest call) {
        try {
            JsonNode body = PeerService.JSON.readTree(call.getBodyAsString());
            return body.get("client_ref").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T onVertx(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
