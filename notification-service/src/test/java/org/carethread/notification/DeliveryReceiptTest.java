package org.carethread.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.carethread.notification.PeerService.carrierAccepts;
import static org.carethread.notification.PeerService.receiptRecord;
import static org.carethread.notification.PeerService.requestRecord;
import static org.carethread.notification.PeerService.send;
import static org.carethread.notification.PeerService.statusRecords;
import static org.carethread.notification.PeerService.statuses;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.KafkaBroker;
import org.carethread.notification.PeerService.Outbound;
import org.carethread.schemas.CloudEventHeaders;
import org.carethread.schemas.DeliveryStatus;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.DeliveryReceipt;
import org.carethread.schemas.events.OutboundStatus;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "notification"))
@QuarkusTestResource(CarrierStandIn.class)
class DeliveryReceiptTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Pattern UNMATCHED = Pattern.compile("(?m)^carethread_receipts_unmatched_total(?:\\{[^}]*\\})? (\\S+)$");

    @CarrierStandIn.Carrier
    WireMockServer carrier;

    @Test
    void aDeliveredReceiptIsAnnouncedAndALateSubmittedOneChangesNothing() {
        Outbound outbound = Outbound.fresh();
        String providerId = UUID.randomUUID().toString();
        carrierAccepts(carrier, outbound.outboundId(), providerId);
        send(requestRecord(UUID.randomUUID().toString(), outbound));
        await().atMost(PATIENCE).until(() -> statuses(outbound.outboundId()), found -> found.size() == 1);

        String receiptId = UUID.randomUUID().toString();
        send(receiptRecord(receiptId, new DeliveryReceipt(providerId, "delivered", outbound.outboundId(), null,
                Instant.now())));

        List<ConsumerRecord<String, String>> announced = await().atMost(PATIENCE)
                .until(() -> statusRecords(outbound.outboundId()), found -> found.size() == 2);
        OutboundStatus delivered = PeerService.status(announced.get(1));
        assertEquals(DeliveryStatus.DELIVERED, delivered.status());
        assertEquals(providerId, delivered.providerMessageId());
        assertEquals(outbound.patientRef(), announced.get(1).key());
        assertEquals(outbound.conversationId(), PeerService.header(announced.get(1), CloudEventHeaders.SUBJECT));

        // The same receipt again, then a stale one; an unknown receipt on the same partition marks when both were read.
        double unmatchedBefore = unmatchedReceipts();
        send(receiptRecord(receiptId, new DeliveryReceipt(providerId, "delivered", outbound.outboundId(), null,
                Instant.now())));
        send(receiptRecord(UUID.randomUUID().toString(), new DeliveryReceipt(providerId, "submitted",
                outbound.outboundId(), null, Instant.now())));
        send(receiptRecord(UUID.randomUUID().toString(), new DeliveryReceipt(providerId, "delivered", null, null,
                Instant.now())));
        String marker = UUID.randomUUID().toString();
        send(PeerService.receiptRecordKeyed(providerId, UUID.randomUUID().toString(),
                new DeliveryReceipt(marker, "delivered", null, null, Instant.now())));
        await().atMost(PATIENCE).until(() -> unmatchedReceipts() > unmatchedBefore);

        assertEquals(2, statuses(outbound.outboundId()).size(), "no further announcement");
        given().get("/outbound-messages/{id}", outbound.outboundId()).then()
                .statusCode(200)
                .body("status", equalTo("DELIVERED"));
    }

    @Test
    void anUndeliverableReceiptFailsTheMessageWithTheCarriersReason() {
        Outbound outbound = Outbound.fresh();
        String providerId = UUID.randomUUID().toString();
        carrierAccepts(carrier, outbound.outboundId(), providerId);
        send(requestRecord(UUID.randomUUID().toString(), outbound));
        await().atMost(PATIENCE).until(() -> statuses(outbound.outboundId()), found -> found.size() == 1);

        send(receiptRecord(UUID.randomUUID().toString(), new DeliveryReceipt(providerId, "undeliverable",
                outbound.outboundId(), "1320: the handset is switched off", Instant.now())));

        OutboundStatus failed = await().atMost(PATIENCE)
                .until(() -> statuses(outbound.outboundId()), found -> found.size() == 2).get(1);
        assertEquals(DeliveryStatus.FAILED, failed.status());
        assertEquals("carrier reported the message undeliverable: 1320: the handset is switched off",
                failed.reason());
    }

    @Test
    void aReceiptForAMessageWeDidNotSendIsAcknowledgedAndCounted() {
        double before = unmatchedReceipts();
        String eventId = UUID.randomUUID().toString();

        send(receiptRecord(eventId, new DeliveryReceipt(UUID.randomUUID().toString(), "delivered", null, null,
                Instant.now())));

        await().atMost(PATIENCE).until(() -> unmatchedReceipts() > before);
        String deadLetters = Topics.deadLetter(Topics.INBOUND_RECEIPTS, "notification-service");
        assertTrue(KafkaBroker.shared().readAll(deadLetters, Duration.ofSeconds(1)).stream()
                .noneMatch(record -> eventId.equals(PeerService.header(record, CloudEventHeaders.ID))),
                "an unknown receipt is not a failure");
    }

    private static double unmatchedReceipts() {
        Matcher value = UNMATCHED.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
