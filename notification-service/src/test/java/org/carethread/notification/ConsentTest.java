package org.carethread.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.carethread.notification.PeerService.NORTH_NUMBER;
import static org.carethread.notification.PeerService.SOUTH_NUMBER;
import static org.carethread.notification.PeerService.carrierAccepts;
import static org.carethread.notification.PeerService.inboundRecord;
import static org.carethread.notification.PeerService.requestRecord;
import static org.carethread.notification.PeerService.send;
import static org.carethread.notification.PeerService.sendsOf;
import static org.carethread.notification.PeerService.statuses;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.TestCrypto;
import org.carethread.notification.PeerService.Outbound;
import org.carethread.schemas.DeliveryStatus;
import org.carethread.schemas.events.OutboundStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "notification"))
@QuarkusTestResource(CarrierStandIn.class)
class ConsentTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String OPTED_OUT = "You're unsubscribed from North Clinic texts."
            + " No more messages will be sent. Reply START to resubscribe.";
    private static final String OPTED_IN = "You're resubscribed to North Clinic texts. Reply HELP for help,"
            + " STOP to unsubscribe.";
    private static final String NORTH_HELP = "North Clinic: for help call 555-000-1001; reply STOP to opt out.";

    @CarrierStandIn.Carrier
    WireMockServer carrier;

    @BeforeEach
    void carrierTakesConsentReplies() {
        carrier.stubFor(post(urlEqualTo("/v1/messages"))
                .withRequestBody(matchingJsonPath("$.client_ref", WireMock.matching("consent-.*")))
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"message_uuid\":\"{{randomValue type='UUID'}}\"}")
                        .withTransformers("response-template")));
    }

    @Test
    void stopOptsTheNumberOutWithOneConfirmationAndLaterSendsAreRefusedWithAReason() {
        Outbound outbound = Outbound.fresh();
        String stopEvent = UUID.randomUUID().toString();

        send(inboundRecord(stopEvent, outbound.patientNumber(), NORTH_NUMBER, "STOP"));

        LoggedRequest confirmation = awaitReplies(outbound.patientNumber(), OPTED_OUT, 1).get(0);
        assertEquals(NORTH_NUMBER, field(confirmation, "from"), "from the number the patient texted");
        assertEquals(List.of(), statuses(field(confirmation, "client_ref")), "a confirmation is in no conversation");
        given().get("/consents/{ref}", outbound.patientRef()).then()
                .statusCode(200)
                .body("current.practiceNumber", contains(NORTH_NUMBER))
                .body("current[0].state", equalTo("OPTED_OUT"))
                .body("current[0].sourceEventId", equalTo(stopEvent))
                .body("history.size()", equalTo(1))
                .body("history[0].fromState", equalTo("OPTED_IN"))
                .body("history[0].toState", equalTo("OPTED_OUT"))
                .body("history[0].keyword", equalTo("stop"))
                .body("history[0].sourceEventId", equalTo(stopEvent));

        carrierAccepts(carrier, outbound.outboundId(), UUID.randomUUID().toString());
        send(requestRecord(UUID.randomUUID().toString(), outbound));

        OutboundStatus refused = awaitStatus(outbound, DeliveryStatus.FAILED);
        assertEquals("The patient opted out of text messages (STOP) on " + LocalDate.now(ZoneOffset.UTC)
                + "; they can text START to opt back in.", refused.reason());
        carrier.verify(0, sendsOf(outbound.outboundId()));
        given().get("/outbound-messages/{id}", outbound.outboundId()).then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("attempts", equalTo(0))
                .body("failureReason", equalTo(refused.reason()));
    }

    @Test
    void aRedeliveredStopSendsNoSecondConfirmation() {
        String patient = Outbound.fresh().patientNumber();
        String stopEvent = UUID.randomUUID().toString();

        send(inboundRecord(stopEvent, patient, NORTH_NUMBER, "STOP"));
        awaitReplies(patient, OPTED_OUT, 1);
        send(inboundRecord(stopEvent, patient, NORTH_NUMBER, "STOP"));
        // Same patient, same partition: once HELP is answered, the redelivered STOP was handled before it.
        send(inboundRecord(UUID.randomUUID().toString(), patient, NORTH_NUMBER, "HELP"));
        awaitReplies(patient, NORTH_HELP, 1);

        assertEquals(1, repliesTo(patient, OPTED_OUT).size(), "one confirmation per change");
        given().get("/consents/{ref}", ref(patient)).then().statusCode(200).body("history.size()", equalTo(1));
    }

    @Test
    void theBareKeywordInAnyCaseWithPunctuationOptsOut() {
        for (String text : List.of("Stop", "stop.", "  STOP! ", "Opt-Out", "opt out", "unsubscribe", "\"Cancel\"")) {
            String patient = Outbound.fresh().patientNumber();
            send(inboundRecord(UUID.randomUUID().toString(), patient, NORTH_NUMBER, text));
            awaitReplies(patient, OPTED_OUT, 1);
            given().get("/consents/{ref}", ref(patient)).then()
                    .statusCode(200)
                    .body("current[0].state", equalTo("OPTED_OUT"));
        }
    }

    @Test
    void aSentenceThatMentionsStopIsAMessageForStaffNotAnOptOut() {
        Outbound outbound = Outbound.fresh();
        String patient = outbound.patientNumber();

        send(inboundRecord(UUID.randomUUID().toString(), patient, NORTH_NUMBER,
                "please stop calling me about the bill"));
        send(inboundRecord(UUID.randomUUID().toString(), patient, NORTH_NUMBER, "Stop please"));
        send(inboundRecord(UUID.randomUUID().toString(), patient, NORTH_NUMBER, "help"));
        awaitReplies(patient, NORTH_HELP, 1);

        assertEquals(List.of(), repliesTo(patient, OPTED_OUT));
        given().get("/consents/{ref}", ref(patient)).then()
                .statusCode(200)
                .body("current", empty())
                .body("history", empty());
        carrierAccepts(carrier, outbound.outboundId(), UUID.randomUUID().toString());
        send(requestRecord(UUID.randomUUID().toString(), outbound));
        awaitStatus(outbound, DeliveryStatus.SUBMITTED);
    }

    @Test
    void startOptsBackInWithAConfirmationAndSendsWorkAgain() {
        Outbound outbound = Outbound.fresh();
        String patient = outbound.patientNumber();
        String startEvent = UUID.randomUUID().toString();

        send(inboundRecord(UUID.randomUUID().toString(), patient, NORTH_NUMBER, "STOP"));
        awaitReplies(patient, OPTED_OUT, 1);
        send(inboundRecord(startEvent, patient, NORTH_NUMBER, "Start"));
        awaitReplies(patient, OPTED_IN, 1);

        given().get("/consents/{ref}", ref(patient)).then()
                .statusCode(200)
                .body("current[0].state", equalTo("OPTED_IN"))
                .body("current[0].sourceEventId", equalTo(startEvent))
                .body("history.toState", contains("OPTED_OUT", "OPTED_IN"))
                .body("history[1].keyword", equalTo("start"));
        carrierAccepts(carrier, outbound.outboundId(), UUID.randomUUID().toString());
        send(requestRecord(UUID.randomUUID().toString(), outbound));
        awaitStatus(outbound, DeliveryStatus.SUBMITTED);
        carrier.verify(1, sendsOf(outbound.outboundId()));
    }

    @Test
    void helpAnswersWithThePracticesLineAndChangesNothing() {
        String patient = Outbound.fresh().patientNumber();

        send(inboundRecord(UUID.randomUUID().toString(), patient, SOUTH_NUMBER, "Help?"));

        LoggedRequest answer = awaitReplies(patient, "South Clinic: for help call 555-000-1002; reply STOP to opt out.",
                1).get(0);
        assertEquals(SOUTH_NUMBER, field(answer, "from"));
        given().get("/consents/{ref}", ref(patient)).then().statusCode(200).body("history", empty());
    }

    @Test
    void aStopWhileAMessageWaitsForItsRetryStopsTheRetry() {
        Outbound outbound = Outbound.fresh();
        carrier.stubFor(post(urlEqualTo("/v1/messages"))
                .withRequestBody(matchingJsonPath("$.client_ref", WireMock.equalTo(outbound.outboundId())))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"title\":\"Service Unavailable\"}")));
        send(requestRecord(UUID.randomUUID().toString(), outbound));
        await().atMost(PATIENCE).untilAsserted(() -> carrier.verify(1, sendsOf(outbound.outboundId())));

        send(inboundRecord(UUID.randomUUID().toString(), outbound.patientNumber(), NORTH_NUMBER, "STOP"));
        awaitReplies(outbound.patientNumber(), OPTED_OUT, 1);
        int triedBeforeTheOptOut = carrier.findAll(sendsOf(outbound.outboundId())).size();

        OutboundStatus refused = awaitStatus(outbound, DeliveryStatus.FAILED);
        assertTrue(refused.reason().startsWith("The patient opted out of text messages (STOP)"), refused.reason());
        assertEquals(triedBeforeTheOptOut, carrier.findAll(sendsOf(outbound.outboundId())).size(),
                "no carrier call after the opt-out");
    }

    @Test
    void neitherTheNumberNorTheTextsReachTheLogs() {
        Outbound outbound = Outbound.fresh();
        try (LogCapture logs = LogCapture.start()) {
            send(inboundRecord(UUID.randomUUID().toString(), outbound.patientNumber(), NORTH_NUMBER, "Stop!!"));
            awaitReplies(outbound.patientNumber(), OPTED_OUT, 1);
            send(requestRecord(UUID.randomUUID().toString(), outbound));
            awaitStatus(outbound, DeliveryStatus.FAILED);

            assertTrue(logs.size() > 0, "the log capture sees the service's lines");
            assertEquals(List.of(), logs.linesContaining(outbound.patientNumber()), "no phone number in logs");
            assertEquals(List.of(), logs.linesContaining("Stop!!"), "no patient text in logs");
            assertEquals(List.of(), logs.linesContaining("unsubscribed"), "no confirmation text in logs");
            assertEquals(List.of(), logs.linesContaining(outbound.text()), "no staff text in logs");
        }
    }

    private List<LoggedRequest> awaitReplies(String patientNumber, String text, int count) {
        return await().atMost(PATIENCE).until(() -> repliesTo(patientNumber, text), found -> found.size() >= count);
    }

    private List<LoggedRequest> repliesTo(String patientNumber, String text) {
        RequestPatternBuilder replies = postRequestedFor(urlEqualTo("/v1/messages"))
                .withRequestBody(matchingJsonPath("$.client_ref", WireMock.matching("consent-.*")))
                .withRequestBody(matchingJsonPath("$.to", WireMock.equalTo(patientNumber)))
                .withRequestBody(matchingJsonPath("$.text", WireMock.equalTo(text)));
        return carrier.findAll(replies);
    }

    private static OutboundStatus awaitStatus(Outbound outbound, DeliveryStatus wanted) {
        return await().atMost(PATIENCE).until(() -> statuses(outbound.outboundId()),
                found -> found.stream().anyMatch(s -> s.status() == wanted))
                .stream().filter(s -> s.status() == wanted).findFirst().orElseThrow();
    }

    private static String field(LoggedRequest request, String name) {
        try {
            return PeerService.JSON.readTree(request.getBodyAsString()).get(name).asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ref(String patientNumber) {
        return TestCrypto.BLIND_INDEX.ofAddress(patientNumber);
    }
}
