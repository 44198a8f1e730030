package org.carethread.ingestion;

import static org.carethread.ingestion.VonageWebhooks.inboundEventId;
import static org.carethread.ingestion.VonageWebhooks.inboundSms;
import static org.carethread.ingestion.VonageWebhooks.newMessageUuid;
import static org.carethread.ingestion.VonageWebhooks.patientNumber;
import static org.carethread.ingestion.VonageWebhooks.post;
import static org.carethread.ingestion.VonageWebhooks.postSigned;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.TestCrypto;
import org.carethread.localinfra.VonageWebhookSigner;
import org.carethread.schemas.Channels;
import org.carethread.schemas.CloudEventHeaders;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.MessageReceived;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingestion"))
class VonageInboundWebhookTest {
    private static final String INBOUND = "/webhooks/vonage/inbound";
    private static final String TEXT = "My INR came back at 4.2, should I skip warfarin tonight?";

    @ConfigProperty(name = "carethread.vonage.signature-secret")
    String secret;

    @Inject
    ObjectMapper json;

    @Test
    void signedMessageIsPublishedOnceWithItsPhiSealed() throws Exception {
        String messageUuid = newMessageUuid();
        String from = patientNumber();
        Instant before = Instant.now();

        postSigned(INBOUND, secret, inboundSms(messageUuid, from, TEXT))
                .statusCode(200).body("status", is("accepted"));

        List<ConsumerRecord<String, String>> records = TopicRecords.withEventId(Topics.INBOUND_MESSAGES,
                inboundEventId(messageUuid));
        assertEquals(1, records.size(), "one MessageReceived per accepted webhook");
        ConsumerRecord<String, String> record = records.get(0);
        String patientRef = TestCrypto.BLIND_INDEX.ofAddress(from);
        assertEquals(patientRef, record.key(), "keyed by the patient's blind index");
        assertEquals(EventTypes.MESSAGE_RECEIVED, TopicRecords.header(record, CloudEventHeaders.TYPE));
        assertEquals("/carethread/ingestion-service", TopicRecords.header(record, CloudEventHeaders.SOURCE));
        assertEquals("1.0", TopicRecords.header(record, CloudEventHeaders.SPEC_VERSION));
        Instant ceTime = Instant.parse(TopicRecords.header(record, CloudEventHeaders.TIME));
        assertFalse(ceTime.isBefore(before.minusSeconds(1)), "ce_time is when the webhook was accepted");

        MessageReceived data = json.readValue(record.value(), MessageReceived.class);
        assertEquals(messageUuid, data.providerMessageId());
        assertEquals(Channels.SMS, data.channel());
        assertEquals(patientRef, data.patientRef());
        assertEquals(VonageWebhooks.PRACTICE_NUMBER, data.practiceNumber());
        assertEquals(Instant.parse("2026-11-22T10:00:00Z"), data.receivedAt());
        assertEquals(from, TestCrypto.CIPHER.open(data.sealedFrom()));
        assertEquals(TEXT, TestCrypto.CIPHER.open(data.sealedText()));
        assertFalse(record.value().contains(from), "the patient's number never reaches Kafka in clear");
        assertFalse(record.value().contains("warfarin"), "the message text never reaches Kafka in clear");
    }

    @Test
    void sameMessageDeliveredTwiceIsAnsweredBothTimesAndPublishedOnce() {
        String messageUuid = newMessageUuid();
        String body = inboundSms(messageUuid, patientNumber(), "Can I move my appointment to Friday?");

        postSigned(INBOUND, secret, body).statusCode(200).body("status", is("accepted"));
        postSigned(INBOUND, secret, body).statusCode(200).body("status", is("duplicate"));

        assertEquals(1, TopicRecords.withEventId(Topics.INBOUND_MESSAGES, inboundEventId(messageUuid)).size());
    }

    @Test
    void unsignedForgedAlteredOrStaleWebhooksAreRefusedAndNothingIsStoredOrPublished() {
        String from = patientNumber();
        String missing = newMessageUuid();
        String forged = newMessageUuid();
        String altered = newMessageUuid();
        String stale = newMessageUuid();
        String garbage = newMessageUuid();

        refused(post(INBOUND, null, inboundSms(missing, from, TEXT)), 401, from);
        refused(postSigned(INBOUND, "not-the-practice-secret-0123456789abcdef", inboundSms(forged, from, TEXT)), 401,
                from);
        String signedBody = inboundSms(altered, from, "See you Monday");
        String bearer = new VonageWebhookSigner(secret).bearerFor(signedBody);
        refused(post(INBOUND, bearer, inboundSms(altered, from, TEXT)), 401, from)
                .body("detail", containsString("payload_hash"));
        String staleBody = inboundSms(stale, from, TEXT);
        String staleToken = new VonageWebhookSigner(secret).tokenFor(staleBody,
                Instant.now().minus(Duration.ofMinutes(10)));
        refused(post(INBOUND, "Bearer " + staleToken, staleBody), 401, from)
                .body("detail", containsString("more than 5 minutes ago"));
        refused(post(INBOUND, "Bearer not.a.jwt", inboundSms(garbage, from, TEXT)), 401, from);

        // The refused message, signed properly, is new to the service: the refusal stored nothing.
        postSigned(INBOUND, secret, inboundSms(missing, from, TEXT)).statusCode(200).body("status", is("accepted"));

        assertEquals(1, TopicRecords.withEventId(Topics.INBOUND_MESSAGES, inboundEventId(missing)).size());
        assertNothingPublishedFor(Set.of(forged, altered, stale, garbage));
    }

    @Test
    void unusableBodiesAreRefusedAndNothingIsStoredOrPublished() {
        String from = patientNumber();
        String truncated = newMessageUuid();
        String noText = newMessageUuid();
        String noFrom = newMessageUuid();
        String badTime = newMessageUuid();
        String whatsapp = newMessageUuid();

        String truncatedBody = inboundSms(truncated, from, TEXT).substring(0, 60);
        refused(postSigned(INBOUND, secret, truncatedBody), 400, from);
        refused(postSigned(INBOUND, secret, inboundSms(noText, from, TEXT).replace("\"text\":\"" + TEXT + "\",", "")),
                400, from).body("detail", containsString("'text'"));
        refused(postSigned(INBOUND, secret, inboundSms(noFrom, from, TEXT).replace("\"from\":\"" + from + "\",", "")),
                400, from).body("detail", containsString("'from'"));
        refused(postSigned(INBOUND, secret, inboundSms("not-a-uuid-" + from, from, TEXT)), 400, from)
                .body("detail", containsString("'message_uuid' must be a UUID"));
        refused(postSigned(INBOUND, secret, inboundSms(badTime, from, TEXT).replace("2026-11-22T10:00:00Z",
                "yesterday")), 400, from).body("detail", containsString("'timestamp'"));
        refused(postSigned(INBOUND, secret, inboundSms(whatsapp, from, TEXT).replace("\"channel\":\"sms\"",
                "\"channel\":\"whatsapp\"")), 422, from).body("detail", containsString("not supported yet"));

        // The message that lacked its text arrives complete: nothing was kept of the refused one.
        postSigned(INBOUND, secret, inboundSms(noText, from, TEXT)).statusCode(200).body("status", is("accepted"));

        assertEquals(1, TopicRecords.withEventId(Topics.INBOUND_MESSAGES, inboundEventId(noText)).size());
        assertNothingPublishedFor(Set.of(truncated, noFrom, badTime, whatsapp, "not-a-uuid-" + from));
    }

    /** A problem answer that tells what went wrong without repeating the patient's words or number. */
    private static ValidatableResponse refused(ValidatableResponse response, int status, String from) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", containsString("urn:carethread:problem:"))
                .body("title", not(equalTo("")))
                .body("detail", not(containsString(from)))
                .body("detail", not(containsString("warfarin")));
    }

    private static void assertNothingPublishedFor(Set<String> messageUuids) {
        Set<String> eventIds = messageUuids.stream().map(VonageWebhooks::inboundEventId)
                .collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> all = TopicRecords.readToEnd(Topics.INBOUND_MESSAGES);
        assertFalse(all.isEmpty(), "the topic holds at least this test's accepted message");
        assertTrue(all.stream().map(r -> TopicRecords.header(r, CloudEventHeaders.ID)).noneMatch(eventIds::contains),
                "no record for a refused webhook");
    }
}
