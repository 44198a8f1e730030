package org.carethread.ingestion;

import static org.carethread.ingestion.VonageWebhooks.inboundEventId;
import static org.carethread.ingestion.VonageWebhooks.newMessageUuid;
import static org.carethread.ingestion.VonageWebhooks.patientNumber;
import static org.carethread.ingestion.VonageWebhooks.postSigned;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.Channels;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.MediaReceived;
import org.carethread.schemas.events.MessageReceived;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Picture messages: the photo is fetched from the carrier with the application's JWT, sniffed, and kept sealed. */
@QuarkusTest
@TestProfile(CarrierMediaStandIn.class)
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingestion"))
class VonageMmsWebhookTest {
    private static final String INBOUND = "/webhooks/vonage/inbound";

    @ConfigProperty(name = "carethread.vonage.signature-secret")
    String secret;

    @Inject
    ObjectMapper json;

    @Test
    void aPhotoIsFetchedWithTheApplicationJwtAndPublishedSealedAheadOfItsCaption() throws Exception {
        byte[] photo = TestPictures.png(80, 60, Color.ORANGE);
        String url = CarrierMediaStandIn.serve(200, photo);
        String messageUuid = newMessageUuid();
        int fetchesBefore = CarrierMediaStandIn.AUTHORIZATIONS.size();

        postSigned(INBOUND, secret, mms(messageUuid, patientNumber(), "image", url, "Is this rash infected?"))
                .statusCode(200).body("status", is("accepted"));

        MessageReceived message = messageFor(messageUuid);
        assertEquals(Channels.SMS, message.channel(), "kept as SMS: replies go back by text");
        assertEquals("Is this rash infected?", TestCrypto.CIPHER.open(message.sealedText()), "the caption is the text");
        MessageReceived.Attachment attachment = message.attachments().get(0);
        assertEquals("image/png", attachment.contentType(), "sniffed from the bytes");
        assertEquals(photo.length, attachment.sizeBytes());

        List<ConsumerRecord<String, String>> pieces = TopicRecords.readToEnd(Topics.INBOUND_MEDIA).stream()
                .filter(r -> r.value().contains("\"mediaId\":\"" + attachment.mediaId() + "\"")).toList();
        assertEquals(1, pieces.size());
        MediaReceived piece = json.readValue(pieces.get(0).value(), MediaReceived.class);
        assertEquals(inboundEventId(messageUuid), piece.messageEventId());
        assertArrayEquals(photo, TestCrypto.CIPHER.openBytes(piece.sealedBytes()));

        String authorization = CarrierMediaStandIn.AUTHORIZATIONS.get(fetchesBefore);
        assertTrue(authorization.startsWith("Bearer "), "Vonage's secure inbound media needs the application JWT");
        DecodedJWT jwt = JWT.require(Algorithm.RSA256((RSAPublicKey) CarrierMediaStandIn.KEYS.getPublic(), null))
                .build().verify(authorization.substring("Bearer ".length()));
        assertEquals(CarrierMediaStandIn.APPLICATION_ID, jwt.getClaim("application_id").asString());
    }

    @Test
    void aFileNotWorthKeepingOrNoLongerThereOrElsewhereIsDescribedOnly() throws Exception {
        byte[] program = new byte[256];
        program[0] = 'M';
        program[1] = 'Z';
        String exe = CarrierMediaStandIn.serve(200, program);
        String gone = CarrierMediaStandIn.serve(404, new byte[0]);
        int fetchesBefore = CarrierMediaStandIn.AUTHORIZATIONS.size();
        String elsewhere = "http://169.254.169.254/latest/meta-data";

        for (String url : List.of(exe, gone, elsewhere)) {
            String messageUuid = newMessageUuid();
            postSigned(INBOUND, secret, mms(messageUuid, patientNumber(), "file", url, "see file"))
                    .statusCode(200).body("status", is("accepted"));
            MessageReceived.Attachment attachment = messageFor(messageUuid).attachments().get(0);
            assertNull(attachment.mediaId(), "contents not kept");
            assertTrue(attachment.notKeptReason() != null && !attachment.notKeptReason().isBlank());
        }
        assertEquals(fetchesBefore + 2, CarrierMediaStandIn.AUTHORIZATIONS.size(),
                "nothing is fetched from a host that is not the carrier's");
    }

    @Test
    void aMediaServerThatFailsGetsTheWebhookRetriedAndNothingPublished() {
        String messageUuid = newMessageUuid();
        postSigned(INBOUND, secret, mms(messageUuid, patientNumber(), "image",
                CarrierMediaStandIn.serve(503, new byte[0]), "photo")).statusCode(503);
        assertTrue(TopicRecords.withEventId(Topics.INBOUND_MESSAGES, inboundEventId(messageUuid)).isEmpty());
    }

    private MessageReceived messageFor(String messageUuid) throws Exception {
        List<ConsumerRecord<String, String>> records = TopicRecords.withEventId(Topics.INBOUND_MESSAGES,
                inboundEventId(messageUuid));
        assertEquals(1, records.size());
        assertFalse(records.get(0).value().contains("rash"), "the caption travels sealed");
        return json.readValue(records.get(0).value(), MessageReceived.class);
    }

    /** An inbound MMS as the Messages API sends it. */
    private static String mms(String messageUuid, String from, String type, String url, String caption) {
        return """
                {"channel":"mms","message_uuid":"%s","to":"%s","from":"%s","timestamp":"2026-11-22T10:00:00Z",\
                "message_type":"%s","%s":{"url":"%s","caption":"%s"}}""".formatted(messageUuid,
                VonageWebhooks.PRACTICE_NUMBER, from, type, type, url, caption);
    }
}
