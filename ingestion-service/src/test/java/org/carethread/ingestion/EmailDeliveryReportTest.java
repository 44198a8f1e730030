package org.carethread.ingestion;

import static org.carethread.ingestion.InboundEmails.eventIdOf;
import static org.carethread.ingestion.InboundEmails.postSigned;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.ingestion.MailSystemReports.SentEmail;
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
        SentEmail sent = SentEmail.fresh();
        String reportId = MailSystemReports.newReportId();
        byte[] bounce = MailSystemReports.deliveryStatus(reportId, sent.messageId(), sent.patient(), "failed",
                "5.1.1");

        postSigned(secret, bounce).statusCode(200).body("status", is("accepted"));
        postSigned(secret, bounce).statusCode(200).body("status", is("duplicate"));

        ConsumerRecord<String, String> record = onlyReceipt(sent.providerMessageId(), "undeliverable");
        assertEquals(sent.providerMessageId(), record.key(),
                "keyed by our Message-ID, as notification-service recorded it");
        assertEquals(EventTypes.DELIVERY_RECEIPT, TopicRecords.header(record, CloudEventHeaders.TYPE));
        DeliveryReceipt receipt = json.readValue(record.value(), DeliveryReceipt.class);
        assertEquals(sent.providerMessageId(), receipt.providerMessageId());
        assertEquals("undeliverable", receipt.carrierStatus());
        assertEquals(sent.outboundId(), receipt.clientRef(), "our outbound id, from our Message-ID");
        assertEquals("mailbox unavailable (5.1.1)", receipt.errorReason());
        assertEquals(Channels.EMAIL, receipt.channel());
        for (String clear : List.of(sent.patient(), "User unknown", "Lab results")) {
            assertFalse(record.value().contains(clear), "no address or diagnostic on Kafka");
        }
        assertNoMessageFor(reportId);
    }

    @Test
    void aDelayDeliveryAndReadNotificationEachBecomeTheirReceipt() throws Exception {
        SentEmail sent = SentEmail.fresh();
        String delayId = MailSystemReports.newReportId();
        String deliveredId = MailSystemReports.newReportId();
        String readId = UUID.randomUUID() + "@mail.example.org";

        postSigned(secret, MailSystemReports.deliveryStatus(delayId, sent.messageId(), sent.patient(), "delayed",
                "4.2.2")).statusCode(200).body("status", is("accepted"));
        postSigned(secret, MailSystemReports.deliveryStatus(deliveredId, sent.messageId(), sent.patient(),
                "delivered", "2.0.0")).statusCode(200).body("status", is("accepted"));
        postSigned(secret, MailSystemReports.readNotification(readId, sent.messageId(), sent.patient(), "displayed"))
                .statusCode(200).body("status", is("accepted"));

        assertEquals("mailbox full (4.2.2)", receiptOf(onlyReceipt(sent.providerMessageId(), "delayed")).errorReason());
        assertNull(receiptOf(onlyReceipt(sent.providerMessageId(), "delivered")).errorReason());
        DeliveryReceipt read = receiptOf(onlyReceipt(sent.providerMessageId(), "read"));
        assertEquals(sent.outboundId(), read.clientRef());
        assertNoMessageFor(delayId);
        assertNoMessageFor(deliveredId);
        assertNoMessageFor(readId);
    }

    @Test
    void aBounceOfAMailCareThreadDidNotSendNamesItOnlyBlind() throws Exception {
        String original = "staff-" + UUID.randomUUID() + "@outlook.example";
        String reportId = MailSystemReports.newReportId();

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

    /** The one receipt for this message and status. */
    private static ConsumerRecord<String, String> onlyReceipt(String providerMessageId, String status) {
        List<ConsumerRecord<String, String>> records = TopicRecords.withEventId(Topics.INBOUND_RECEIPTS,
                MailSystemReports.receiptEventIdOf(providerMessageId, status));
        assertEquals(1, records.size(), "one receipt for " + status);
        return records.get(0);
    }

    private static void assertNoMessageFor(String reportId) {
        assertEquals(List.of(), TopicRecords.withEventId(Topics.INBOUND_MESSAGES,
                eventIdOf(TestCrypto.BLIND_INDEX.ofMessageId(reportId))), "a report is never a patient's message");
    }
}
