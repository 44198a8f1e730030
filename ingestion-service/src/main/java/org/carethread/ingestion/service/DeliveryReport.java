package org.carethread.ingestion.service;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carethread.schemas.events.OutboundRequested;

/**
 * A mail system's report on an e-mail sent from a practice mailbox, as CareThread keeps it: which e-mail, what
 * became of it, and the standard status code. The recipient's address and the server's diagnostic text, which echo
 * the address, are not kept.
 *
 * @param messageId         the report's own Message-ID, without angle brackets (it is accepted once by it)
 * @param practiceMailbox   the practice mailbox it arrived at, lower-cased
 * @param originalMessageId the Message-ID of the e-mail it reports on, without angle brackets
 * @param carrierStatus     {@code undeliverable}, {@code delayed}, {@code delivered}, {@code read} or {@code submitted}
 *                          (passed on to a server that will not report further)
 * @param status            its enhanced status code (RFC 3463), or null when it gives none
 */
public record DeliveryReport(String messageId, String practiceMailbox, String originalMessageId,
        String carrierStatus, EnhancedStatusCode status) implements ArrivedEmail {

    /** conversation-service's outbound ids are UUIDs; notification-service sends each as {@code <id@mail domain>}. */
    private static final Pattern OUR_MESSAGE_ID = Pattern.compile(
            "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})@(.+)");

    /**
     * The outbound id of the reported e-mail if CareThread sent it from this practice mailbox (see
     * {@link OutboundRequested#emailMessageId}); null for any other Message-ID, which may name a person.
     */
    public String outboundId() {
        return outboundIdOf(originalMessageId, practiceMailbox);
    }

    /** The failure or delay in words without PHI, e.g. "mailbox unavailable (5.1.1)"; null when there is none. */
    public String reason() {
        return status == null || status.isSuccess() ? null : status.describe();
    }

    static String outboundIdOf(String messageId, String practiceMailbox) {
        Matcher ours = OUR_MESSAGE_ID.matcher(messageId);
        String domain = practiceMailbox.substring(practiceMailbox.indexOf('@') + 1);
        return ours.matches() && ours.group(2).toLowerCase(Locale.ROOT).equals(domain)
                ? UUID.fromString(ours.group(1)).toString()
                : null;
    }
}
