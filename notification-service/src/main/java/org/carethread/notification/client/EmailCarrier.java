package org.carethread.notification.client;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.ext.mail.SMTPException;

/**
 * Sends a reply by e-mail through the practice's SMTP server (Quarkus Mailer), from the practice mailbox the patient
 * wrote to, threaded into the patient's conversation: our own Message-ID (made from the outbound id, so a patient's
 * answer to it names it), In-Reply-To and References to the patient's mail. Blocks: call it from a worker thread.
 */
@ApplicationScoped
public class EmailCarrier {
    private final Mailer mailer;

    public EmailCarrier(Mailer mailer) {
        this.mailer = mailer;
    }

    /**
     * @param messageId  our Message-ID, without angle brackets
     * @param inReplyTo  the patient's Message-ID it answers, or null
     * @param references the thread's Message-IDs separated by spaces, or null
     */
    public CarrierOutcome send(String to, String from, String subject, String text, String messageId,
            String inReplyTo, String references) {
        Mail mail = Mail.withText(to, subject, text).setFrom(from).addHeader("Message-ID", bracketed(messageId));
        if (inReplyTo != null) {
            mail.addHeader("In-Reply-To", bracketed(inReplyTo));
        }
        if (references != null) {
            mail.addHeader("References", Arrays.stream(references.trim().split("\\s+"))
                    .map(EmailCarrier::bracketed).collect(Collectors.joining(" ")));
        }
        try {
            mailer.send(mail);
            return new CarrierOutcome.Accepted(bracketed(messageId));
        } catch (RuntimeException e) {
            return classify(e);
        }
    }

    /** A permanent SMTP refusal (5xx) is final; anything else (no connection, 4xx, timeout) is worth retrying. */
    private static CarrierOutcome classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                return smtp.isPermanent() ? new CarrierOutcome.Refused(smtp.getReplyCode())
                        : new CarrierOutcome.Unavailable("SMTP " + smtp.getReplyCode());
            }
        }
        // The class name only: mail client messages can quote addresses.
        return new CarrierOutcome.Unavailable(rootOf(failure).getClass().getSimpleName());
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static String bracketed(String messageId) {
        return "<" + messageId + ">";
    }
}
