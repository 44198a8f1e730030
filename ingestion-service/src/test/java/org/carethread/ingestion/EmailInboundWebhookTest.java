package org.carethread.ingestion;

import static org.carethread.ingestion.InboundEmails.NORTH_MAILBOX;
import static org.carethread.ingestion.InboundEmails.eventIdOf;
import static org.carethread.ingestion.InboundEmails.newMessageId;
import static org.carethread.ingestion.InboundEmails.patientAddress;
import static org.carethread.ingestion.InboundEmails.plain;
import static org.carethread.ingestion.InboundEmails.post;
import static org.carethread.ingestion.InboundEmails.postSigned;
import static org.carethread.ingestion.InboundEmails.raw;
import static org.carethread.ingestion.InboundEmails.withAttachment;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.ingestion.service.EmailSignatureVerifier;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.TestCrypto;
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
class EmailInboundWebhookTest {
    private static final String TEXT = "My INR came back at 4.2, should I skip warfarin tonight?";
    private static final String SUBJECT = "Warfarin dose question";
    /** The smallest valid PDF header and trailer: what a lab report starts with. */
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @ConfigProperty(name = "carethread.email.webhook-secret")
    String secret;

    @Inject
    ObjectMapper json;

    @Test
    void signedEmailIsPublishedOnceWithItsPhiSealedAndItsThreadBlind() throws Exception {
        String messageId = newMessageId();
        String answered = "reply-" + newMessageId();
        String from = patientAddress();
        jakarta.mail.internet.MimeMessage mail = InboundEmails.mail(messageId, from, SUBJECT);
        mail.setHeader("In-Reply-To", "<" + answered + ">");
        mail.setHeader("References", "<first-" + answered + "> <" + answered + ">");
        mail.setText(TEXT, "UTF-8");
        Instant before = Instant.now();

        postSigned(secret, InboundEmails.bytes(mail)).statusCode(200).body("status", is("accepted"));

        String messageRef = TestCrypto.BLIND_INDEX.ofMessageId(messageId);
        ConsumerRecord<String, String> record = onlyRecordFor(messageRef);
        String patientRef = TestCrypto.BLIND_INDEX.ofAddress(from.toLowerCase(Locale.ROOT));
        assertEquals(patientRef, record.key(), "keyed by the blind index of the lower-cased sender");
        assertEquals(EventTypes.MESSAGE_RECEIVED, TopicRecords.header(record, CloudEventHeaders.TYPE));

        MessageReceived data = json.readValue(record.value(), MessageReceived.class);
        assertEquals(Channels.EMAIL, data.channel());
        assertEquals(messageRef, data.providerMessageId());
        assertEquals(messageRef, data.messageRef());
        assertEquals(patientRef, data.patientRef());
        assertEquals(NORTH_MAILBOX, data.practiceNumber(), "the practice mailbox written to is the practice address");
        assertFalse(data.receivedAt().isBefore(before.minusSeconds(1)));
        assertEquals(from.toLowerCase(Locale.ROOT), TestCrypto.CIPHER.open(data.sealedFrom()));
        assertEquals(TEXT, TestCrypto.CIPHER.open(data.sealedText()));
        assertEquals(SUBJECT, TestCrypto.CIPHER.open(data.sealedSubject()));
        assertEquals(messageId, TestCrypto.CIPHER.open(data.sealedMessageId()));
        assertEquals(List.of(TestCrypto.BLIND_INDEX.ofMessageId(answered),
                TestCrypto.BLIND_INDEX.ofMessageId("first-" + answered)), data.threadRefs(),
                "In-Reply-To first, then References newest first, all blind");
        assertEquals(List.of(), data.attachments());
        for (String clear : List.of(from, from.toLowerCase(Locale.ROOT), "warfarin", "Warfarin", messageId,
                answered)) {
            assertFalse(record.value().contains(clear), "nothing of the mail reaches Kafka in clear");
        }
    }

    @Test
    void sameEmailDeliveredTwiceIsAnsweredBothTimesAndPublishedOnce() throws Exception {
        String messageId = newMessageId();
        byte[] mail = plain(messageId, patientAddress(), "Appointment", "Can I move my appointment to Friday?");

        postSigned(secret, mail).statusCode(200).body("status", is("accepted"));
        postSigned(secret, mail).statusCode(200).body("status", is("duplicate"));

        assertEquals(1, recordsFor(TestCrypto.BLIND_INDEX.ofMessageId(messageId)).size());
    }

    @Test
    void unsignedForgedAlteredOrStaleWebhooksAreRefusedAndNothingIsStored() throws Exception {
        String from = patientAddress();
        String messageId = newMessageId();
        byte[] mail = plain(messageId, from, SUBJECT, TEXT);
        long now = Instant.now().getEpochSecond();

        refused(post(null, null, mail), 401, from);
        refused(post(String.valueOf(now), EmailSignatureVerifier.sign("not-the-practice-secret", now, mail), mail),
                401, from);
        byte[] altered = plain(messageId, from, SUBJECT, "See you Monday");
        refused(post(String.valueOf(now), EmailSignatureVerifier.sign(secret, now, altered), mail), 401, from);
        long stale = now - 600;
        refused(post(String.valueOf(stale), EmailSignatureVerifier.sign(secret, stale, mail), mail), 401, from)
                .body("detail", containsString("more than 5 minutes ago"));
        refused(post("yesterday", "v1=00", mail), 401, from);

        // The same mail, signed properly, is new to the service: the refusals stored nothing.
        postSigned(secret, mail).statusCode(200).body("status", is("accepted"));
        assertEquals(1, recordsFor(TestCrypto.BLIND_INDEX.ofMessageId(messageId)).size());
    }

    @Test
    void unreadableEmailsAreRefusedAndNothingIsStoredOrPublished() throws Exception {
        String from = patientAddress();
        String cutShort = newMessageId();
        String noMessageId = newMessageId();
        String wrongBytes = newMessageId();
        String unknownCharset = newMessageId();
        String noSender = newMessageId();

        refused(postSigned(secret, raw("""
                From: %s
                To: north@carethread.local
                Subject: results
                Message-ID: <%s>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=utf-8

                %s
                """.formatted(from, cutShort, TEXT))), 400, from).body("detail", containsString("MIME"));
        refused(postSigned(secret, raw("""
                From: %s
                To: north@carethread.local
                Subject: results
                Content-Type: text/plain; charset=utf-8

                %s
                """.formatted(from, TEXT))), 400, from).body("detail", containsString("Message-ID"));
        // Latin-1 bytes (é as 0xE9) labelled UTF-8: the text cannot be read as declared.
        refused(postSigned(secret, raw("""
                From: %s
                To: north@carethread.local
                Subject: results
                Message-ID: <%s>
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: 8bit

                Caf\u00e9 %s
                """.formatted(from, wrongBytes, TEXT))), 400, from).body("detail", containsString("not valid UTF-8"));
        refused(postSigned(secret, raw("""
                From: %s
                To: north@carethread.local
                Subject: results
                Message-ID: <%s>
                Content-Type: text/plain; charset=x-klingon-9

                %s
                """.formatted(from, unknownCharset, TEXT))), 400, from)
                .body("detail", containsString("character set CareThread does not know ('x-klingon-9')"));
        refused(postSigned(secret, raw("""
                To: north@carethread.local
                Subject: results
                Message-ID: <%s>
                Content-Type: text/plain; charset=utf-8

                %s
                """.formatted(noSender, TEXT))), 400, from).body("detail", containsString("sender"));
        refused(postSigned(secret, "{\"text\":\"not a mail\"}".getBytes(StandardCharsets.UTF_8)), 400, from);

        // The mail that lacked its end boundary arrives whole: nothing was kept of the refused one.
        postSigned(secret, plain(cutShort, from, "results", TEXT)).statusCode(200).body("status", is("accepted"));
        assertEquals(1, recordsFor(TestCrypto.BLIND_INDEX.ofMessageId(cutShort)).size());
        assertNothingPublishedFor(List.of(wrongBytes, unknownCharset, noSender));
    }

    @Test
    void oversizedEmailsAndZipBombsAreRefusedAndNothingIsPublished() throws Exception {
        String from = patientAddress();
        String huge = newMessageId();
        String bomb = newMessageId();
        // 8 MiB of random bytes weigh more than 10 MiB once base64-encoded in the mail.
        byte[] scan = new byte[8 * 1024 * 1024];
        new java.util.Random(7).nextBytes(scan);

        refused(postSigned(secret, withAttachment(huge, from, SUBJECT, TEXT, "scan.bin", "application/octet-stream",
                scan)), 413, from).body("detail", containsString("larger than 10 MiB"));
        refused(postSigned(secret, withAttachment(bomb, from, SUBJECT, TEXT, "photos.zip", "application/zip",
                zipOfZeros(30 * 1024 * 1024))), 422, from).body("detail", containsString("zip bomb"));

        assertNothingPublishedFor(List.of(huge, bomb));
    }

    @Test
    void hostileHtmlIsReducedToItsWordsAndQuotedHistoryIsTrimmed() throws Exception {
        String messageId = newMessageId();
        String from = patientAddress();
        jakarta.mail.internet.MimeMessage mail = InboundEmails.mail(messageId, from, "Re: your visit");
        mail.setContent("""
                <html><head><style>p{color:red}</style><script>steal(document.cookie)</script></head>
                <body onload="steal()"><p>Thanks, <b>Friday</b> works.</p>
                <p><a href="javascript:steal()" onclick="steal()">See my note</a><img src="https://tracker.example/p.gif"></p>
                <div class="gmail_quote">On Mon, 3 Nov 2026, North Clinic wrote:
                <blockquote type="cite">Your appointment is on Thursday.</blockquote></div>
                </body></html>""", "text/html; charset=UTF-8");

        postSigned(secret, InboundEmails.bytes(mail)).statusCode(200).body("status", is("accepted"));

        MessageReceived data = json.readValue(onlyRecordFor(TestCrypto.BLIND_INDEX.ofMessageId(messageId)).value(),
                MessageReceived.class);
        assertEquals("Thanks, Friday works.\n\nSee my note", TestCrypto.CIPHER.open(data.sealedText()),
                "words only: no markup, script, style, handler, link target or quoted history");
    }

    @Test
    void attachmentsAreDescribedByTheirBytesWithTheirNamesSealed() throws Exception {
        String messageId = newMessageId();
        byte[] mail = withAttachment(messageId, patientAddress(), "Lab results", "Here are my results.",
                "lab-results-pat-doe.txt", "application/octet-stream", PDF);

        postSigned(secret, mail).statusCode(200).body("status", is("accepted"));

        ConsumerRecord<String, String> record = onlyRecordFor(TestCrypto.BLIND_INDEX.ofMessageId(messageId));
        MessageReceived data = json.readValue(record.value(), MessageReceived.class);
        assertEquals(1, data.attachments().size());
        MessageReceived.Attachment attachment = data.attachments().get(0);
        assertEquals("application/pdf", attachment.contentType(), "sniffed from the bytes, not the name or header");
        assertEquals(PDF.length, attachment.sizeBytes());
        assertEquals("lab-results-pat-doe.txt", TestCrypto.CIPHER.open(attachment.sealedFileName()));
        assertFalse(record.value().contains("pat-doe"), "the file name never reaches Kafka in clear");
    }

    private static byte[] zipOfZeros(int size) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("photo.jpg"));
            byte[] zeros = new byte[1024 * 1024];
            for (int written = 0; written < size; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static ValidatableResponse refused(ValidatableResponse response, int status, String from) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", containsString("urn:carethread:problem:"))
                .body("detail", not(containsString(from)))
                .body("detail", not(containsString("warfarin")));
    }

    private static List<ConsumerRecord<String, String>> recordsFor(String messageRef) {
        return TopicRecords.withEventId(Topics.INBOUND_MESSAGES, eventIdOf(messageRef));
    }

    private static ConsumerRecord<String, String> onlyRecordFor(String messageRef) {
        List<ConsumerRecord<String, String>> records = recordsFor(messageRef);
        assertEquals(1, records.size(), "one MessageReceived per accepted e-mail");
        return records.get(0);
    }

    private static void assertNothingPublishedFor(List<String> messageIds) {
        Map<String, String> eventIds = new java.util.HashMap<>();
        messageIds.forEach(id -> eventIds.put(eventIdOf(TestCrypto.BLIND_INDEX.ofMessageId(id)), id));
        List<ConsumerRecord<String, String>> all = TopicRecords.readToEnd(Topics.INBOUND_MESSAGES);
        assertTrue(all.stream().map(r -> TopicRecords.header(r, CloudEventHeaders.ID))
                .noneMatch(eventIds::containsKey), "no record for a refused e-mail: " + Arrays.toString(
                        messageIds.toArray()));
    }
}
