package org.carethread.schemas.events;

import java.time.Instant;

/**
 * Send this to a patient. Topic {@code outbound.requests}, key {@code patientRef}.
 *
 * @param outboundId     the message id in the conversation; also the idempotency key of the send, so a
 *                       redelivered request never texts the patient twice
 * @param practiceNumber   the address the practice sends from (the one the patient wrote to): number or mailbox
 * @param sealedSubject    e-mail only: the subject, {@code Re: } and the patient's subject
 * @param sealedInReplyTo  e-mail only: the Message-ID of the patient's last mail, so the answer joins its thread
 * @param sealedReferences e-mail only: the thread's Message-IDs, oldest first, separated by spaces
 */
public record OutboundRequested(String outboundId, String conversationId, String channel, String patientRef,
        String sealedTo, String practiceNumber, String sealedText, String requestedBy, Instant requestedAt,
        String sealedSubject, String sealedInReplyTo, String sealedReferences) {

    /** An SMS: none of the e-mail fields. */
    public OutboundRequested(String outboundId, String conversationId, String channel, String patientRef,
            String sealedTo, String practiceNumber, String sealedText, String requestedBy, Instant requestedAt) {
        this(outboundId, conversationId, channel, patientRef, sealedTo, practiceNumber, sealedText, requestedBy,
                requestedAt, null, null, null);
    }

    /**
     * The Message-ID (without angle brackets) of the e-mail sent for an outbound id from a practice mailbox. The
     * patient's reply names it in In-Reply-To, which is how the reply finds its conversation again.
     */
    public static String emailMessageId(String outboundId, String practiceMailbox) {
        return outboundId + "@" + practiceMailbox.substring(practiceMailbox.indexOf('@') + 1);
    }
}
