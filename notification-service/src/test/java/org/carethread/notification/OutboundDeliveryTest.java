package org.carethread.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.carethread.notification.PeerService.carrierAccepts;
import static org.carethread.notification.PeerService.requestRecord;
import static org.carethread.notification.PeerService.send;
import static org.carethread.notification.PeerService.sendsOf;
import static org.carethread.notification.PeerService.statusRecords;
import static org.carethread.notification.PeerService.statuses;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.notification.PeerService.Outbound;
import org.carethread.schemas.CloudEventHeaders;
import org.carethread.schemas.DeliveryStatus;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.events.OutboundStatus;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "notification"))
@QuarkusTestResource(CarrierStandIn.class)
class OutboundDeliveryTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @CarrierStandIn.Carrier
    WireMockServer carrier;

    @Test
    void sendsTheRequestedSmsThroughTheCarrierAndAnnouncesSubmitted() {
        Outbound outbound = Outbound.fresh();
        String providerId = UUID.randomUUID().toString();
        carrierAccepts(carrier, outbound.outboundId(), providerId);

        send(requestRecord(UUID.randomUUID().toString(), outbound));

        await().atMost(PATIENCE).untilAsserted(() -> carrier.verify(1, sendsOf(outbound.outboundId())
                .withHeader("Authorization", matching("Basic .+"))
                .withRequestBody(matchingJsonPath("$.channel", WireMock.equalTo("sms")))
                .withRequestBody(matchingJsonPath("$.message_type", WireMock.equalTo("text")))
                .withRequestBody(matchingJsonPath("$.to", WireMock.equalTo(outbound.patientNumber())))
                .withRequestBody(matchingJsonPath("$.from", WireMock.equalTo(PeerService.NORTH_NUMBER)))
                .withRequestBody(matchingJsonPath("$.text", WireMock.equalTo(outbound.text())))));

        ConsumerRecord<String, String> announced = await().atMost(PATIENCE)
                .until(() -> statusRecords(outbound.outboundId()), records -> !records.isEmpty()).get(0);
        OutboundStatus status = PeerService.status(announced);
        assertEquals(DeliveryStatus.SUBMITTED, status.status());
        assertEquals(providerId, status.providerMessageId());
        assertEquals(outbound.conversationId(), status.conversationId());
        assertEquals(outbound.patientRef(), announced.key());
        assertEquals(EventTypes.OUTBOUND_STATUS, PeerService.header(announced, CloudEventHeaders.TYPE));
        assertEquals(outbound.conversationId(), PeerService.header(announced, CloudEventHeaders.SUBJECT));
        assertEquals("/carethread/notification-service", PeerService.header(announced, CloudEventHeaders.SOURCE));
        assertNotNull(PeerService.header(announced, CloudEventHeaders.ID));
        assertFalse(announced.value().contains(outbound.patientNumber()), "no phone number on Kafka");
        assertFalse(announced.value().contains(outbound.text()), "no message text on Kafka");

        given().get("/outbound-messages/{id}", outbound.outboundId()).then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("providerMessageId", equalTo(providerId))
                .body("attempts", equalTo(1))
                .body("failureReason", nullValue());
    }

    @Test
    void aRedeliveredRequestNeverTextsThePatientTwice() {
        Outbound outbound = Outbound.fresh();
        Outbound later = outbound.next();
        carrierAccepts(carrier, outbound.outboundId(), UUID.randomUUID().toString());
        carrierAccepts(carrier, later.outboundId(), UUID.randomUUID().toString());
        String eventId = UUID.randomUUID().toString();

        send(requestRecord(eventId, outbound));
        awaitSubmitted(outbound);
        send(requestRecord(eventId, outbound));
        // Same patient, same partition: once the later message is out, the redelivery was handled before it.
        send(requestRecord(UUID.randomUUID().toString(), later));
        awaitSubmitted(later);

        carrier.verify(1, sendsOf(outbound.outboundId()));
        assertEquals(1, statuses(outbound.outboundId()).size());
    }

    @Test
    void aRepeatedRequestForTheSameOutboundIdIsNotSentAgain() {
        Outbound outbound = Outbound.fresh();
        Outbound later = outbound.next();
        carrierAccepts(carrier, outbound.outboundId(), UUID.randomUUID().toString());
        carrierAccepts(carrier, later.outboundId(), UUID.randomUUID().toString());

        send(requestRecord(UUID.randomUUID().toString(), outbound));
        awaitSubmitted(outbound);
        send(requestRecord(UUID.randomUUID().toString(), outbound));
        send(requestRecord(UUID.randomUUID().toString(), later));
        awaitSubmitted(later);

        carrier.verify(1, sendsOf(outbound.outboundId()));
        assertEquals(1, statuses(outbound.outboundId()).size());
    }

    @Test
    void aMessageTheCarrierRefusesFailsWithAReasonThatHoldsNoPhi() {
        Outbound outbound = Outbound.fresh();
        try (LogCapture logs = LogCapture.start()) {
            refusedByTheCarrier(outbound);
            assertTrue(logs.size() > 0, "the log capture sees the service's lines");
            assertEquals(List.of(), logs.linesContaining(outbound.patientNumber()), "no phone number in logs");
            assertEquals(List.of(), logs.linesContaining(outbound.text()), "no message text in logs");
        }
    }

    private void refusedByTheCarrier(Outbound outbound) {
        // Carriers echo what they refused; none of that may reach our reason or our logs.
        carrier.stubFor(post(urlEqualTo("/v1/messages"))
                .withRequestBody(matchingJsonPath("$.client_ref", WireMock.equalTo(outbound.outboundId())))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"type\":\"https://developer.vonage.com/api-errors/messages#1150\","
                                + "\"title\":\"Invalid params\",\"detail\":\"The value of 'to' "
                                + outbound.patientNumber() + " is invalid\",\"instance\":\"" + UUID.randomUUID()
                                + "\"}")));

        send(requestRecord(UUID.randomUUID().toString(), outbound));

        OutboundStatus failed = await().atMost(PATIENCE)
                .until(() -> statuses(outbound.outboundId()), found -> !found.isEmpty()).get(0);
        assertEquals(DeliveryStatus.FAILED, failed.status());
        assertEquals("carrier rejected the message (HTTP 422)", failed.reason());
        assertFalse(failed.reason().contains(outbound.patientNumber()));
        assertFalse(failed.reason().contains(outbound.text()));
        given().get("/outbound-messages/{id}", outbound.outboundId()).then()
                .statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("failureReason", equalTo("carrier rejected the message (HTTP 422)"))
                .body("attempts", equalTo(1));
        carrier.verify(1, sendsOf(outbound.outboundId()));
    }

    @Test
    void aCarrierOutageIsRetriedUntilTheCarrierTakesTheMessage() {
        Outbound outbound = Outbound.fresh();
        String providerId = UUID.randomUUID().toString();
        String scenario = "outage-" + outbound.outboundId();
        carrier.stubFor(post(urlEqualTo("/v1/messages"))
                .withRequestBody(matchingJsonPath("$.client_ref", WireMock.equalTo(outbound.outboundId())))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"title\":\"Service Unavailable\",\"detail\":\"try again later\"}"))
                .willSetStateTo("recovered"));
        carrier.stubFor(post(urlEqualTo("/v1/messages"))
                .withRequestBody(matchingJsonPath("$.client_ref", WireMock.equalTo(outbound.outboundId())))
                .inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"message_uuid\":\"" + providerId + "\"}")));

        send(requestRecord(UUID.randomUUID().toString(), outbound));

        OutboundStatus submitted = awaitSubmitted(outbound);
        assertEquals(providerId, submitted.providerMessageId());
        carrier.verify(2, sendsOf(outbound.outboundId()));
        assertEquals(1, statuses(outbound.outboundId()).size(), "the outage itself is not announced");
        given().get("/outbound-messages/{id}", outbound.outboundId()).then()
                .statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("attempts", equalTo(2));
    }

    private static OutboundStatus awaitSubmitted(Outbound outbound) {
        List<OutboundStatus> found = await().atMost(PATIENCE).until(() -> statuses(outbound.outboundId()),
                statuses -> statuses.stream().anyMatch(s -> s.status() == DeliveryStatus.SUBMITTED));
        return found.stream().filter(s -> s.status() == DeliveryStatus.SUBMITTED).findFirst().orElseThrow();
    }
}
