package org.carethread.ingestion;

import static org.carethread.ingestion.VonageWebhooks.newMessageUuid;
import static org.carethread.ingestion.VonageWebhooks.post;
import static org.carethread.ingestion.VonageWebhooks.postSigned;
import static org.carethread.ingestion.VonageWebhooks.status;
import static org.carethread.ingestion.VonageWebhooks.statusEventId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
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

@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingestion"))
class VonageStatusWebhookTest {
    private static final String STATUS = "/webhooks/vonage/status";

    @ConfigProperty(name = "carethread.vonage.signature-secret")
    String secret;

    @Inject
    ObjectMapper json;

    @Test
    void deliveredStatusIsPublishedAsOneDeliveryReceiptKeyedByTheCarrierMessageId() throws Exception {
        String messageUuid = newMessageUuid();

        postSigned(STATUS, secret, status(messageUuid, "delivered", ",\"client_ref\":\"out-42\""))
                .statusCode(200).body("status", is("accepted"));

        List<ConsumerRecord<String, String>> records = TopicRecords.withEventId(Topics.INBOUND_RECEIPTS,
                statusEventId(messageUuid, "delivered"));
        assertEquals(1, records.size());
        ConsumerRecord<String, String> record = records.get(0);
        assertEquals(messageUuid, record.key());
        assertEquals(EventTypes.DELIVERY_RECEIPT, TopicRecords.header(record, CloudEventHeaders.TYPE));
        assertEquals("/carethread/ingestion-service", TopicRecords.header(record, CloudEventHeaders.SOURCE));
        DeliveryReceipt receipt = json.readValue(record.value(), DeliveryReceipt.class);
        assertEquals(new DeliveryReceipt(messageUuid, "delivered", "out-42", null,
                Instant.parse("2026-11-22T10:05:00Z")), receipt);
    }

    @Test
    void eachStatusIsPublishedOnceAndANewStatusAgain() {
        String messageUuid = newMessageUuid();

        postSigned(STATUS, secret, status(messageUuid, "submitted", "")).statusCode(200).body("status", is("accepted"));
        postSigned(STATUS, secret, status(messageUuid, "submitted", "")).statusCode(200).body("status", is("duplicate"));
        postSigned(STATUS, secret, status(messageUuid, "delivered", "")).statusCode(200).body("status", is("accepted"));

        assertEquals(1, TopicRecords.withEventId(Topics.INBOUND_RECEIPTS, statusEventId(messageUuid, "submitted")).size());
        assertEquals(1, TopicRecords.withEventId(Topics.INBOUND_RECEIPTS, statusEventId(messageUuid, "delivered")).size());
    }

    @Test
    void failedDeliveryCarriesTheErrorTitleButNotTheDetailThatQuotesTheNumber() throws Exception {
        String messageUuid = newMessageUuid();
        String error = ",\"error\":{\"type\":\"https://developer.vonage.com/api-errors/messages#1150\","
                + "\"title\":\"Invalid recipient\",\"detail\":\"The number 15551234567 cannot receive SMS\"}";

        postSigned(STATUS, secret, status(messageUuid, "rejected", error)).statusCode(200);

        ConsumerRecord<String, String> record = TopicRecords.withEventId(Topics.INBOUND_RECEIPTS,
                statusEventId(messageUuid, "rejected")).get(0);
        DeliveryReceipt receipt = json.readValue(record.value(), DeliveryReceipt.class);
        assertEquals("rejected", receipt.carrierStatus());
        assertEquals("Invalid recipient", receipt.errorReason());
        assertNull(receipt.clientRef());
        assertFalse(record.value().contains("15551234567"), "no phone number in the receipt");
    }

    @Test
    void unknownStatusOrMissingSignatureIsRefusedAndNothingIsPublished() {
        String unknown = newMessageUuid();
        String unsigned = newMessageUuid();

        postSigned(STATUS, secret, status(unknown, "lost", "")).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("'status'"));
        post(STATUS, null, status(unsigned, "delivered", "")).statusCode(401)
                .contentType("application/problem+json").body("status", is(401));
        postSigned(STATUS, secret, status(unsigned, "delivered", "")).statusCode(200).body("status", is("accepted"));

        List<String> ids = TopicRecords.readToEnd(Topics.INBOUND_RECEIPTS).stream()
                .map(r -> TopicRecords.header(r, CloudEventHeaders.ID)).toList();
        assertFalse(ids.contains(statusEventId(unknown, "lost")));
        assertEquals(1, ids.stream().filter(statusEventId(unsigned, "delivered")::equals).count());
    }
}
