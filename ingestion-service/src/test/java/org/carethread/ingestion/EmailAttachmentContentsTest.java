package org.carethread.ingestion;

import static org.carethread.ingestion.InboundEmails.eventIdOf;
import static org.carethread.ingestion.InboundEmails.newMessageId;
import static org.carethread.ingestion.InboundEmails.patientAddress;
import static org.carethread.ingestion.InboundEmails.postSigned;
import static org.carethread.ingestion.InboundEmails.withAttachments;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.ingestion.InboundEmails.File;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.TestCrypto;
import org.carethread.schemas.CloudEventHeaders;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.MediaReceived;
import org.carethread.schemas.events.MessageReceived;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** E-mail attachments' contents: which are kept, and how they travel (sealed pieces ahead of their message). */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "ingestion"))
class EmailAttachmentContentsTest {
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    /** What a Windows program starts with: a DOS header and the PE signature. */
    private static final byte[] EXE = exe();

    @ConfigProperty(name = "carethread.email.webhook-secret")
    String secret;

    @Inject
    ObjectMapper json;

    @Test
    void photoAndPdfAreKeptSealedAndAnExecutableIsOnlyDescribed() throws Exception {
        String messageId = newMessageId();
        byte[] photo = TestPictures.png(64, 48, Color.PINK);
        byte[] mail = withAttachments(messageId, patientAddress(), "Rash photo", "See the attached photo.", List.of(
                new File("rash-on-arm.jpg", "image/jpeg", photo),
                new File("lab-report.pdf", "application/octet-stream", PDF),
                new File("invoice.pdf", "application/pdf", EXE)));

        postSigned(secret, mail).statusCode(200).body("status", is("accepted"));

        MessageReceived message = messageFor(messageId);
        List<MessageReceived.Attachment> attachments = message.attachments();
        assertEquals(3, attachments.size());
        assertEquals("image/png", attachments.get(0).contentType(), "sniffed, not taken from the name");
        assertNotNull(attachments.get(0).mediaId());
        assertNotNull(attachments.get(1).mediaId());
        assertNull(attachments.get(2).mediaId(), "an executable's contents are never kept, whatever its name says");
        assertTrue(attachments.get(2).notKeptReason().contains("not one CareThread keeps"),
                attachments.get(2).notKeptReason());
        assertEquals(EXE.length, attachments.get(2).sizeBytes(), "still described to staff");

        String messageEventId = eventIdOf(message.messageRef());
        assertArrayEquals(photo, contentsOf(attachments.get(0).mediaId(), messageEventId));
        assertArrayEquals(PDF, contentsOf(attachments.get(1).mediaId(), messageEventId));
        assertTrue(piecesOf(mediaIdAt(messageEventId, 2)).isEmpty(), "nothing of the executable reaches Kafka");
        for (ConsumerRecord<String, String> record : piecesOf(attachments.get(1).mediaId())) {
            assertFalse(record.value().contains("%PDF"), "the contents never reach Kafka in clear");
            assertFalse(record.value().contains(Base64.getEncoder().encodeToString(PDF).substring(0, 20)));
            assertFalse(record.value().contains(Base64.getUrlEncoder().encodeToString(PDF).substring(0, 20)));
        }
    }

    @Test
    void aLargeFileTravelsInPiecesThatJoinToTheSameBytes() throws Exception {
        String messageId = newMessageId();
        byte[] notes = new byte[1024 * 1024 + 12345];
        Random random = new Random(11);
        for (int i = 0; i < notes.length; i++) {
            notes[i] = (byte) ('a' + random.nextInt(26));
        }
        postSigned(secret, withAttachments(messageId, patientAddress(), "Diary", "My symptom diary.",
                List.of(new File("diary.txt", "application/octet-stream", notes)))).statusCode(200);

        MessageReceived message = messageFor(messageId);
        String mediaId = message.attachments().get(0).mediaId();
        List<ConsumerRecord<String, String>> pieces = piecesOf(mediaId);
        assertEquals(5, pieces.size(), "1 MiB and a bit in 256 KiB pieces");
        for (ConsumerRecord<String, String> record : pieces) {
            assertEquals(EventTypes.MEDIA_RECEIVED, TopicRecords.header(record, CloudEventHeaders.TYPE));
            assertEquals(message.patientRef(), record.key(), "pieces share their message's partition");
        }
        assertArrayEquals(notes, contentsOf(mediaId, eventIdOf(message.messageRef())));
    }

    private MessageReceived messageFor(String messageId) throws Exception {
        List<ConsumerRecord<String, String>> records = TopicRecords.withEventId(Topics.INBOUND_MESSAGES,
                eventIdOf(TestCrypto.BLIND_INDEX.ofMessageId(messageId)));
        assertEquals(1, records.size());
        return json.readValue(records.get(0).value(), MessageReceived.class);
    }

    private static List<ConsumerRecord<String, String>> piecesOf(String mediaId) {
        return TopicRecords.readToEnd(Topics.INBOUND_MEDIA).stream()
                .filter(record -> record.value().contains("\"mediaId\":\"" + mediaId + "\"")).toList();
    }

    /** Joins a file's pieces as the receiver would, checking each names the file's message and place. */
    private byte[] contentsOf(String mediaId, String messageEventId) throws Exception {
        List<MediaReceived> pieces = piecesOf(mediaId).stream().map(record -> read(record.value()))
                .sorted(Comparator.comparing(MediaReceived::piece)).toList();
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (int i = 0; i < pieces.size(); i++) {
            MediaReceived piece = pieces.get(i);
            assertEquals(i, piece.piece());
            assertEquals(pieces.size(), piece.pieces());
            assertEquals(messageEventId, piece.messageEventId());
            joined.write(TestCrypto.CIPHER.openBytes(piece.sealedBytes()));
        }
        byte[] bytes = joined.toByteArray();
        assertEquals(pieces.get(0).sizeBytes(), bytes.length);
        return bytes;
    }

    private MediaReceived read(String value) {
        try {
            return json.readValue(value, MediaReceived.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String mediaIdAt(String messageEventId, int place) {
        return org.carethread.ingestion.messaging.CarrierEventPublisher.mediaIdOf(messageEventId, place);
    }

    private static byte[] exe() {
        byte[] bytes = new byte[512];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[0x3c] = (byte) 0x80;
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        return bytes;
    }
}
