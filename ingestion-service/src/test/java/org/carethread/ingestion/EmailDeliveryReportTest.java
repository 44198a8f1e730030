package org.carethread.ingestion;

import static org.carethread.ingestion.InboundEmails.eventIdOf;
import static org.carethread.ingestion.InboundEmails.postSigned;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.Channels;
import org.carethread.schemas.CloudEventHeaders;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.DeliveryReceipt;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Bounces and read notifications posted to the inbound-mail webhook become delivery receipts, never messages. */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingestion"))
class EmailDeliveryReportTest {

    @ConfigProperty(name = "carethread.email.webhook-secret")
    String secret;

    @Inject
    ObjectMapper json;

    @Test
    void aBounceOfOurEmailIsPublishedOnceAsAnUndeliverableReceiptWithoutTheAddressOrDiagnostic() throws Exception {
        String outboundId = UUID.randomUUID().toString();
        String ours = outboundId + "@carethread.local";
        String patient = "pat." + outboundId.substring(0, 8) + "@example.org";
        String reportId = UUID.randomUUID() + "@mx.carethread.local";
        byte[] bounce = MailSystemReports.deliveryStatus(reportId, ours, patient, "failed", "5.1.1");

        postSigned(secret, bounce).statusCode(200).body("status", is("accepted"));
        postSigned(secret, bounce).statusCode(200).body("status", is("duplicate"));

        ConsumerRecord<String, String> record = onlyReceipt("<" + ours + ">", "undeliverable");
        assertEquals("<" + ours + ">", record.key(), "keyed by our Message-ID, as notification-service recorded it");
        assertEquals(EventTypes.DELIVERY_RECEIPT, TopicRecords.header(record, CloudEventHeaders.TYPE));
        DeliveryReceipt receipt = json.readValue(record.value(), DeliveryReceipt.class);
        assertEquals("<" + ours + ">", receipt.providerMessageId());
        assertEquals("undeliverable", receipt.carrierStatus());
        assertEquals(outboundId, receipt.clientRef(), "our outbound id, from our Message-ID");
        assertEquals("mailbox unavailable (5.1.1)", receipt.errorReason());
        assertEquals(Channels.EMAIL, receipt.channel());
        for (String clear : List.of(patient, "User unknown", "Lab results")) {
            assertFalse(record.value().contains(clear), "no address or diagnostic on Kafka");
        }
        assertNoMessageFor(reportId);
    }

    @Test
    void aDelayDeliveryAndReadNotificationEachBecomeTheirReceipt() throws Exception {
        String outboundId = UUID.randomUUID().toString();
        String ours = outboundId + "@carethread.local";
        String patient = "pat." + outboundId.substring(0, 8) + "@example.org";
        String delayId = UUID.randomUUID() + "@mx.carethread.local";
        String deliveredId = UUID.randomUUID() + "@mx.carethread.local";
        String readId = UUID.randomUUID() + "@mail.example.org";

        postSigned(secret, MailSystemReports.deliveryStatus(delayId, ours, patient, "delayed", "4.2.2"))
                .statusCode(200).body("status", is("accepted"));
        postSigned(secret, MailSystemReports.deliveryStatus(deliveredId, ours, patient, "delivered", "2.0.0"))
                .statusCode(200).body("status", is("accepted"));
        postSigned(secret, MailSystemReports.readNotification(readId, ours, patient, "displayed"))
                .statusCode(200).body("status", is("accepted"));

        assertEquals("mailbox full (4.2.2)",
                receiptOf(onlyReceipt("<" + ours + ">", "delayed")).errorReason());
        assertNull(receiptOf(onlyReceipt("<" + ours + ">", "delivered")).errorReason());
        DeliveryReceipt read = receiptOf(onlyReceipt("<" + ours + ">", "read"));
        assertEquals(outboundId, read.clientRef());
        assertNoMessageFor(delayId);
        assertNoMessageFor(deliveredId);
        assertNoMessageFor(readId);
    }

    @Test
    void aBounceOfAMailCareThreadDidNotSendNamesItOnlyBlind() throws Exception {
        String original = "staff-" + UUID.randomUUID() + "@outlook.example";
        String reportId = UUID.randomUUID() + "@mx.carethread.local";

        postSigned(secret, MailSystemReports.deliveryStatus(reportId, original, "someone@example.org", "failed",
                "5.1.1")).statusCode(200).body("status", is("accepted"));

        String blind = TestCrypto.BLIND_INDEX.ofMessageId(original);
        ConsumerRecord<String, String> record = onlyReceipt(blind, "undeliverable");
        DeliveryReceipt receipt = receiptOf(record);
        assertEquals(blind, receipt.providerMessageId());
        assertNull(receipt.clientRef(), "no outbound id: notification-service counts it as unmatched");
        assertFalse(record.value().contains(original), "a Message-ID not ours can name a person: blind only");
    }

    private DeliveryReceipt receiptOf(ConsumerRecord<String, String> record) throws Exception {
        return json.readValue(record.value(), DeliveryReceipt.class);
    }

    /** The one receipt for this message and status: e-mail receipts' event ids are made like Vonage's. */
    private static ConsumerRecord<String, String> onlyReceipt(String providerMessageId, String status) {
        String eventId = UUID.nameUUIDFromBytes(("email:status:" + providerMessageId + ":" + status)
                .getBytes(StandardCharsets.UTF_8)).toString();
        List<ConsumerRecord<String, String>> records = TopicRecords.withEventId(Topics.INBOUND_RECEIPTS, eventId);
        assertEquals(1, records.size(), "one receipt for " + status);
        return records.get(0);
    }

    private static void assertNoMessageFor(String reportId) {
        assertEquals(List.of(), TopicRecords.withEventId(Topics.INBOUND_MESSAGES,
                eventIdOf(TestCrypto.BLIND_INDEX.ofMessageId(reportId))), "a report is never a patient's message");
    }
}
