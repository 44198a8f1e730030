package org.carethread.ingestion.service;

import static org.carethread.ingestion.MailSystemReports.NORTH_MAILBOX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.carethread.ingestion.MailSystemReports;
import org.junit.jupiter.api.Test;

class DeliveryReportsTest {
    private static final String PATIENT = "pat.doe@example.org";

    private final String outboundId = UUID.randomUUID().toString();
    private final String ours = outboundId + "@carethread.local";

    @Test
    void aPermanentFailureIsUndeliverableWithItsCodeInWordsAndNothingOfTheDiagnostic() throws Exception {
        DeliveryReport report = read(MailSystemReports.deliveryStatus("r1@mx", ours, PATIENT, "failed", "5.1.1"));

        assertEquals("undeliverable", report.carrierStatus());
        assertEquals(ours, report.originalMessageId(), "from the returned headers");
        assertEquals(outboundId, report.outboundId());
        assertEquals("r1@mx", report.messageId());
        assertEquals("mailbox unavailable (5.1.1)", report.reason());
    }

    @Test
    void aDelayIsDelayedAndAFailureAfterRetryingKeepsItsTransientCode() throws Exception {
        DeliveryReport delayed = read(MailSystemReports.deliveryStatus("r2@mx", ours, PATIENT, "delayed", "4.4.1"));
        assertEquals("delayed", delayed.carrierStatus());
        assertEquals("the recipient's mail server did not answer (4.4.1)", delayed.reason());

        DeliveryReport gaveUp = read(MailSystemReports.deliveryStatus("r3@mx", ours, PATIENT, "failed", "4.4.7"));
        assertEquals("undeliverable", gaveUp.carrierStatus());
        assertEquals("delivery time expired (4.4.7)", gaveUp.reason());
    }

    @Test
    void aDeliveryConfirmationIsDeliveredWithoutAReason() throws Exception {
        DeliveryReport report = read(MailSystemReports.deliveryStatus("r4@mx", ours, PATIENT, "delivered", "2.0.0"));
        assertEquals("delivered", report.carrierStatus());
        assertNull(report.reason());
    }

    @Test
    void anUnknownDetailIsNamedByItsSubject() throws Exception {
        DeliveryReport report = read(MailSystemReports.deliveryStatus("r5@mx", ours, PATIENT, "failed", "5.7.26"));
        assertEquals("refused by the recipient's mail server's policy (5.7.26)", report.reason());
    }

    @Test
    void aReadNotificationIsReadWhenDisplayedAndDeliveredOtherwise() throws Exception {
        DeliveryReport displayed = read(MailSystemReports.readNotification("m1@example.org", ours, PATIENT,
                "displayed"));
        assertEquals("read", displayed.carrierStatus());
        assertEquals(outboundId, displayed.outboundId());
        assertNull(displayed.reason());

        assertEquals("delivered", read(MailSystemReports.readNotification("m2@example.org", ours, PATIENT,
                "deleted")).carrierStatus());
    }

    @Test
    void anOldStyleBounceCountsOnlyWhenItQuotesOneOfOurMessageIds() throws Exception {
        DeliveryReport report = read(MailSystemReports.eximBounce("e1@mx", ours, PATIENT));
        assertEquals("undeliverable", report.carrierStatus());
        assertEquals(outboundId, report.outboundId());
        assertEquals("mailbox full (5.2.2)", report.reason());

        assertNull(read(MailSystemReports.eximBounce("e2@mx", "lab-1@example.org", PATIENT)),
                "a mailer-daemon's mail about someone else's e-mail is read as a mail");
        assertNull(read(MailSystemReports.eximBounce("e3@mx", outboundId + "@elsewhere.example", PATIENT)),
                "our id shape, but not from this practice's mail domain");
    }

    @Test
    void aReportOnAMailWeDidNotSendNamesNoOutboundId() throws Exception {
        DeliveryReport report = read(MailSystemReports.deliveryStatus("r6@mx", "lab-1@example.org", PATIENT,
                "failed", "5.1.1"));
        assertEquals("lab-1@example.org", report.originalMessageId());
        assertNull(report.outboundId());
    }

    @Test
    void aReportThatNamesNoEmailIsRefused() {
        byte[] noOriginal = new String(MailSystemReports.deliveryStatus("r7@mx", ours, PATIENT, "failed", "5.1.1"),
                StandardCharsets.ISO_8859_1).replace("Message-ID: <" + ours + ">\r\n", "")
                .getBytes(StandardCharsets.ISO_8859_1);
        WebhookRejectedException refused = assertThrows(WebhookRejectedException.class, () -> read(noOriginal));
        assertEquals(WebhookRejectedException.Reason.INVALID, refused.reason());
    }

    @Test
    void aPatientsMailIsNoReport() throws Exception {
        assertNull(read(MailSystemReports.raw("""
                From: %s
                To: %s
                Subject: Message-ID: <%s>
                Message-ID: <p1@example.org>

                Did you get my mail <%s>?
                """.formatted(PATIENT, NORTH_MAILBOX, ours, ours))));
    }

    private static DeliveryReport read(byte[] raw) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        String id = message.getHeader("Message-ID", null).replaceAll("[<>]", "");
        return DeliveryReports.read(message, id, NORTH_MAILBOX);
    }
}
