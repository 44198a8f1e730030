package org.carethread.ingestion.service;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;

/**
 * Tells a mail system's report on one of our e-mails from a patient's mail, and reads it: a delivery status
 * notification (RFC 3464: bounce, delay notice, delivery confirmation), a read notification (RFC 8098), or a
 * mailer-daemon's bounce in its own words that quotes one of our Message-IDs. Only machine-readable fields are read
 * (Action, Status, Disposition, the original Message-ID); the recipient's address and the diagnostic text, which echo
 * the address, are never kept.
 */
final class DeliveryReports {
    /** A Message-ID header line in a bounce's quoted copy of our e-mail. */
    private static final Pattern QUOTED_MESSAGE_ID =
            Pattern.compile("(?im)^[ \\t>]*Message-ID:[ \\t]*<([^<>\\s]{1,250})>");
    /** An enhanced status code after an SMTP reply code ("550 5.1.1", "452-4.2.2") or a Status field. */
    private static final Pattern SMTP_STATUS =
            Pattern.compile("(?i)(?:\\b[245]\\d\\d[ -]|Status:[ \\t]*)([245]\\.\\d{1,3}\\.\\d{1,3})\\b");
    /** A mailer-daemon's subject for a warning that it is still trying ("Warning: message delayed"). */
    private static final Pattern DELAY_SUBJECT = Pattern.compile("(?i)\\b(delay(ed)?|warning)\\b");
    /** How much of a bounce's text is searched for our Message-ID: the quoted headers come early. */
    private static final int MAX_SCANNED_BYTES = 256 * 1024;

    private DeliveryReports() {
    }

    /** The report this mail is, or null when it is not one (it is then read as a patient's mail). */
    static DeliveryReport read(MimeMessage message, String messageId, String practiceMailbox)
            throws MessagingException {
        boolean report = message.isMimeType("multipart/report");
        boolean mailSystem = fromMailSystem(message);
        if (!report && !mailSystem) {
            return null;
        }
        List<Part> parts = new ArrayList<>();
        leaves(message, 0, parts);
        if (report) {
            Part status = first(parts, "message/delivery-status", "message/global-delivery-status");
            if (status != null) {
                return deliveryStatus(parts, status, messageId, practiceMailbox);
            }
            Part disposition = first(parts, "message/disposition-notification",
                    "message/global-disposition-notification");
            if (disposition != null) {
                return readNotification(parts, disposition, messageId, practiceMailbox);
            }
        }
        return mailSystem ? quotedBounce(message, parts, messageId, practiceMailbox) : null;
    }

    /** RFC 3464: the first recipient's Action and Status (we send each e-mail to one patient). */
    private static DeliveryReport deliveryStatus(List<Part> parts, Part status, String messageId,
            String practiceMailbox) throws MessagingException {
        List<InternetHeaders> blocks = headerBlocks(status);
        InternetHeaders recipient = blocks.stream().skip(1)
                .filter(block -> block.getHeader("Action", null) != null || block.getHeader("Status", null) != null)
                .findFirst().orElse(null);
        if (recipient == null) {
            throw WebhookRejectedException.invalid("The delivery report names no recipient with an Action or"
                    + " Status.");
        }
        EnhancedStatusCode code = EnhancedStatusCode.find(recipient.getHeader("Status", null));
        String action = word(recipient.getHeader("Action", null));
        String carrierStatus = switch (action) {
            case "failed" -> "undeliverable";
            case "delayed" -> "delayed";
            case "delivered" -> "delivered";
            // Passed on to a system that will not report: as far as we know, still on its way.
            case "relayed", "expanded" -> "submitted";
            default -> byClass(code);
        };
        return new DeliveryReport(messageId, practiceMailbox, originalMessageId(parts, null), carrierStatus, code);
    }

    private static String byClass(EnhancedStatusCode code) {
        if (code == null) {
            throw WebhookRejectedException.invalid("The delivery report gives neither an Action nor a Status code.");
        }
        return switch (code.statusClass()) {
            case 5 -> "undeliverable";
            case 4 -> "delayed";
            default -> "delivered";
        };
    }

    /** RFC 8098: "displayed" is read; any other disposition (deleted, dispatched…) still reached the mailbox. */
    private static DeliveryReport readNotification(List<Part> parts, Part disposition, String messageId,
            String practiceMailbox) throws MessagingException {
        InternetHeaders fields = headerBlocks(disposition).stream().findFirst().orElse(new InternetHeaders());
        String value = fields.getHeader("Disposition", null);
        if (value == null || value.indexOf(';') < 0) {
            throw WebhookRejectedException.invalid("The read notification has no Disposition field.");
        }
        String type = word(value.substring(value.indexOf(';') + 1).split("/", 2)[0]);
        return new DeliveryReport(messageId, practiceMailbox,
                originalMessageId(parts, fields.getHeader("Original-Message-ID", null)),
                "displayed".equals(type) ? "read" : "delivered", null);
    }

    /**
     * A bounce in the mailer-daemon's own words (older Exim, qmail) counts only when it quotes the Message-ID of an
     * e-mail we sent from this mailbox: anything else from a mail system stays an ordinary mail.
     */
    private static DeliveryReport quotedBounce(MimeMessage message, List<Part> parts, String messageId,
            String practiceMailbox) throws MessagingException {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            if (part.isMimeType("text/*") || part.isMimeType("message/*")) {
                text.append(new String(MimeParts.bytes(part, MAX_SCANNED_BYTES), StandardCharsets.ISO_8859_1))
                        .append('\n');
            }
        }
        Matcher quoted = QUOTED_MESSAGE_ID.matcher(text);
        while (quoted.find()) {
            if (DeliveryReport.outboundIdOf(quoted.group(1), practiceMailbox) != null) {
                Matcher smtp = SMTP_STATUS.matcher(text);
                EnhancedStatusCode code = smtp.find() ? EnhancedStatusCode.find(smtp.group(1)) : null;
                String subject = message.getSubject();
                boolean delayed = subject != null && DELAY_SUBJECT.matcher(subject).find();
                return new DeliveryReport(messageId, practiceMailbox, quoted.group(1),
                        delayed ? "delayed" : "undeliverable", code == null || code.isSuccess() ? null : code);
            }
        }
        return null;
    }

    /** Sent by a mail system: the null return path of RFC 5321, or a mailer-daemon or postmaster address. */
    private static boolean fromMailSystem(MimeMessage message) throws MessagingException {
        String returnPath = message.getHeader("Return-Path", null);
        if (returnPath != null && returnPath.strip().equals("<>")) {
            return true;
        }
        try {
            Address[] from = message.getFrom();
            if (from == null) {
                return false;
            }
            for (Address address : from) {
                if (address instanceof InternetAddress internet && internet.getAddress() != null) {
                    String local = internet.getAddress().split("@", 2)[0].toLowerCase(Locale.ROOT);
                    if (local.equals("mailer-daemon") || local.equals("postmaster")) {
                        return true;
                    }
                }
            }
            return false;
        } catch (AddressException e) {
            return false;
        }
    }

    /** The given Original-Message-ID, else the Message-ID of the returned e-mail or its returned headers. */
    private static String originalMessageId(List<Part> parts, String declared) throws MessagingException {
        String id = idIn(declared);
        Part returned = first(parts, "message/rfc822", "text/rfc822-headers", "message/global",
                "message/global-headers");
        if (id == null && returned != null) {
            id = idIn(new InternetHeaders(new ByteArrayInputStream(MimeParts.bytes(returned, MAX_SCANNED_BYTES)))
                    .getHeader("Message-ID", null));
        }
        if (id == null) {
            throw WebhookRejectedException.invalid("The delivery report does not name the Message-ID of the e-mail it"
                    + " reports on, so it cannot be tied to a message; nothing was kept.");
        }
        return id;
    }

    private static String idIn(String header) {
        Matcher id = header == null ? null : EmailReader.MESSAGE_ID.matcher(header);
        return id != null && id.find() ? id.group(1) : null;
    }

    /** A DSN body: the per-message fields, then one block per recipient, separated by blank lines. */
    private static List<InternetHeaders> headerBlocks(Part part) throws MessagingException {
        ByteArrayInputStream in = new ByteArrayInputStream(MimeParts.bytes(part, MAX_SCANNED_BYTES));
        List<InternetHeaders> blocks = new ArrayList<>();
        while (in.available() > 0) {
            InternetHeaders block = new InternetHeaders(in);
            if (block.getAllHeaders().hasMoreElements()) {
                blocks.add(block);
            }
        }
        return blocks;
    }

    /** A field's first word, lower-cased, without a trailing comment: "Failed (bad mailbox)" is "failed". */
    private static String word(String value) {
        if (value == null) {
            return "";
        }
        String[] words = value.strip().split("[\\s(;]+", 2);
        return words[0].toLowerCase(Locale.ROOT);
    }

    private static Part first(List<Part> parts, String... types) throws MessagingException {
        for (Part part : parts) {
            for (String type : types) {
                if (part.isMimeType(type)) {
                    return part;
                }
            }
        }
        return null;
    }

    /** The parts that are not multiparts, in order; a returned message/rfc822 is one part, not walked into. */
    private static void leaves(Part part, int depth, List<Part> into) throws MessagingException {
        MimeParts.checkDepth(depth);
        if (!part.isMimeType("multipart/*")) {
            into.add(part);
            return;
        }
        Multipart multipart = MimeParts.multipart(part);
        for (int i = 0; i < multipart.getCount(); i++) {
            leaves(multipart.getBodyPart(i), depth + 1, into);
        }
    }
}
