package org.carethread.ingestion.service;

import java.io.IOException;
import java.io.InputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMultipart;

/** Reads the parts of a mail strictly; its refusals say what is wrong without quoting the mail. */
final class MimeParts {
    /** How deep multiparts may nest; real mail programs stay far below. */
    static final int MAX_DEPTH = 10;

    private MimeParts() {
    }

    static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw WebhookRejectedException.invalid("The e-mail's MIME parts nest more than " + MAX_DEPTH + " deep.");
        }
    }

    /** A multipart's parts, refused when it was cut short (no closing boundary). */
    static Multipart multipart(Part part) throws MessagingException {
        Object content;
        try {
            content = part.getContent();
        } catch (IOException e) {
            throw WebhookRejectedException.invalid("A part of the e-mail cannot be read.");
        }
        if (!(content instanceof Multipart multipart)) {
            throw WebhookRejectedException.invalid("A part of the e-mail cannot be read.");
        }
        multipart.getCount(); // parses it: only then can it tell whether it is complete
        if (multipart instanceof MimeMultipart mime && !mime.isComplete()) {
            throw WebhookRejectedException.invalid("The body is not a readable MIME e-mail: a multipart"
                    + " ends without its closing boundary, so it may be cut short.");
        }
        return multipart;
    }

    static byte[] bytes(Part part) throws MessagingException {
        return bytes(part, Integer.MAX_VALUE);
    }

    /** At most {@code limit} of a part's decoded bytes. */
    static byte[] bytes(Part part, int limit) throws MessagingException {
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes(limit);
        } catch (IOException e) {
            throw WebhookRejectedException.invalid("A part of the e-mail is not validly encoded.");
        }
    }
}
