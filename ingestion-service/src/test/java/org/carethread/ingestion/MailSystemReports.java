package org.carethread.ingestion;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Plays the mail systems that report on the e-mails a practice sent: Postfix's delivery status notifications
 * (RFC 3464), a mail program's read notification (RFC 8098) and an old-style Exim bounce. Each quotes the patient's
 * address in its human-readable text and diagnostic, as real ones do, so tests can check it goes nowhere.
 */
public final class MailSystemReports {
    public static final String NORTH_MAILBOX = "north@carethread.local";

    private MailSystemReports() {
    }

    /** A reply notification-service sent from the North mailbox: its Message-ID is made from the outbound id. */
    public record SentEmail(String outboundId, String patient) {
        public static SentEmail fresh() {
            String outboundId = UUID.randomUUID().toString();
            return new SentEmail(outboundId, "pat." + outboundId.substring(0, 8) + "@example.org");
        }

        /** Its Message-ID, without angle brackets. */
        public String messageId() {
            return outboundId + "@carethread.local";
        }

        /** As notification-service recorded it, and as the receipt names it. */
        public String providerMessageId() {
            return "<" + messageId() + ">";
        }
    }

    /** A fresh Message-ID for a report from the practice's mail server. */
    public static String newReportId() {
        return UUID.randomUUID() + "@mx.carethread.local";
    }

    /**
     * A Postfix DSN to the practice mailbox about our e-mail {@code originalMessageId} (without brackets).
     *
     * @param action failed, delayed, delivered…
     * @param status the enhanced status code, e.g. 5.1.1
     */
    public static byte[] deliveryStatus(String reportId, String originalMessageId, String patient, String action,
            String status) {
        return raw("""
                Return-Path: <>
                Delivered-To: %1$s
                From: MAILER-DAEMON@mx.carethread.local (Mail Delivery System)
                To: %1$s
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <%2$s>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="DSN-b1"

                --DSN-b1
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host mx.carethread.local.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients.

                <%3$s>: host mx.example.org said: 550 5.1.1 <%3$s>: Recipient address rejected: User unknown

                --DSN-b1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.carethread.local
                X-Postfix-Queue-ID: 4F1B2C3D4E
                Arrival-Date: Thu,  3 Dec 2026 21:10:02 +0000

                Final-Recipient: rfc822; %3$s
                Original-Recipient: rfc822;%3$s
                Action: %5$s
                Status: %6$s
                Remote-MTA: dns; mx.example.org
                Diagnostic-Code: smtp; 550 5.1.1 <%3$s>: Recipient address rejected: User unknown in virtual mailbox table

                --DSN-b1
                Content-Type: text/rfc822-headers

                From: %1$s
                To: %3$s
                Subject: Re: Lab results for %3$s
                Message-ID: <%4$s>
                In-Reply-To: <lab-1@example.org>

                --DSN-b1--
                """.formatted(NORTH_MAILBOX, reportId, patient, originalMessageId, action, status));
    }

    /** A read notification from the patient's mail program, as Thunderbird sends one. */
    public static byte[] readNotification(String reportId, String originalMessageId, String patient,
            String disposition) {
        return raw("""
                From: Pat Doe <%3$s>
                To: %1$s
                Subject: Read: Re: Lab results
                Message-ID: <%2$s>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=disposition-notification; boundary="MDN-b1"

                --MDN-b1
                Content-Type: text/plain; charset=UTF-8

                This is a Return Receipt for the mail that you sent to %3$s.

                --MDN-b1
                Content-Type: message/disposition-notification

                Reporting-UA: mail.example.org; Thunderbird
                Final-Recipient: rfc822;%3$s
                Original-Message-ID: <%4$s>
                Disposition: manual-action/MDN-sent-manually; %5$s

                --MDN-b1
                Content-Type: text/rfc822-headers

                From: %1$s
                Message-ID: <%4$s>

                --MDN-b1--
                """.formatted(NORTH_MAILBOX, reportId, patient, originalMessageId, disposition));
    }

    /** An Exim bounce in its own words: no report parts, our e-mail's headers quoted in the text. */
    public static byte[] eximBounce(String reportId, String originalMessageId, String patient) {
        return raw("""
                From: Mail Delivery System <Mailer-Daemon@mx.carethread.local>
                To: %1$s
                Subject: Mail delivery failed: returning message to sender
                Message-ID: <%2$s>
                Content-Type: text/plain; charset=us-ascii

                This message was created automatically by mail delivery software.

                A message that you sent could not be delivered to one or more of its
                recipients. This is a permanent error. The following address(es) failed:

                  %3$s
                    SMTP error from remote mail server after RCPT TO:<%3$s>:
                    550 5.2.2 %3$s... Mailbox full

                ------ This is a copy of the message, including all the headers. ------

                From: %1$s
                To: %3$s
                Subject: Re: Lab results
                Message-ID: <%4$s>

                Your results are normal.
                """.formatted(NORTH_MAILBOX, reportId, patient, originalMessageId));
    }

    /** The event id of an e-mail receipt: made like a Vonage receipt's, from our Message-ID and the status. */
    public static String receiptEventIdOf(String providerMessageId, String carrierStatus) {
        return UUID.nameUUIDFromBytes(("email:status:" + providerMessageId + ":" + carrierStatus)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static byte[] raw(String mail) {
        return mail.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
