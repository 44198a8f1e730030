package org.carethread.ingestion;

import static io.restassured.RestAssured.given;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.carethread.ingestion.service.EmailSignatureVerifier;

import io.restassured.response.ValidatableResponse;

/** Plays a patient's mail program and an inbound-mail provider: builds e-mails and posts them signed. */
final class InboundEmails {
    static final String INBOUND = "/webhooks/email/inbound";
    static final String NORTH_MAILBOX = "north@carethread.local";

    private InboundEmails() {
    }

    /** A fresh sender per test, with capitals the service must lower-case. */
    static String patientAddress() {
        return "Pat.Doe." + UUID.randomUUID().toString().substring(0, 8) + "@Example.ORG";
    }

    static String newMessageId() {
        return UUID.randomUUID() + "@mail.example.org";
    }

    /** A mail as a mail program writes it; {@code body} is the plain text, or parts added by the caller. */
    static MimeMessage mail(String messageId, String from, String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + messageId + ">");
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipients(MimeMessage.RecipientType.TO, NORTH_MAILBOX);
        message.setSubject(subject, "UTF-8");
        return message;
    }

    static byte[] plain(String messageId, String from, String subject, String text) throws Exception {
        MimeMessage message = mail(messageId, from, subject);
        message.setText(text, "UTF-8");
        return bytes(message);
    }

    static byte[] withAttachment(String messageId, String from, String subject, String text, String fileName,
            String declaredType, byte[] content) throws Exception {
        return withAttachments(messageId, from, subject, text, List.of(new File(fileName, declaredType, content)));
    }

    /** A file as a mail program attaches it: the name and type the sender's machine gave it. */
    record File(String name, String declaredType, byte[] content) {
    }

    static byte[] withAttachments(String messageId, String from, String subject, String text, List<File> files)
            throws Exception {
        MimeMessage message = mail(messageId, from, subject);
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart words = new MimeBodyPart();
        words.setText(text, "UTF-8");
        parts.addBodyPart(words);
        for (File file : files) {
            MimeBodyPart part = new MimeBodyPart();
            part.setContent(file.content(), file.declaredType());
            part.setFileName(file.name());
            part.setDisposition(MimeBodyPart.ATTACHMENT);
            part.setHeader("Content-Transfer-Encoding", "base64");
            parts.addBodyPart(part);
        }
        message.setContent(parts);
        return bytes(message);
    }

    static byte[] bytes(MimeMessage message) throws MessagingException, IOException {
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    static ValidatableResponse post(String timestamp, String signature, byte[] body) {
        var request = given().contentType("message/rfc822").body(body);
        if (timestamp != null) {
            request.header(EmailSignatureVerifier.TIMESTAMP_HEADER, timestamp);
        }
        if (signature != null) {
            request.header(EmailSignatureVerifier.SIGNATURE_HEADER, signature);
        }
        return request.when().post(INBOUND).then();
    }

    static ValidatableResponse postSigned(String secret, byte[] body) {
        long now = Instant.now().getEpochSecond();
        return post(String.valueOf(now), EmailSignatureVerifier.sign(secret, now, body), body);
    }

    static byte[] raw(String mail) {
        return mail.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    static String eventIdOf(String messageRef) {
        return UUID.nameUUIDFromBytes(("email:" + messageRef).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
