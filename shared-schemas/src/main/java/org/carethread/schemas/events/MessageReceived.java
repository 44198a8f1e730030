package org.carethread.schemas.events;

import java.time.Instant;
import java.util.List;

/**
 * A patient message accepted from a carrier webhook or a practice mailbox. Topic {@code inbound.messages}, key
 * {@code patientRef}. The e-mail fields were added after the first release and are null for SMS.
 *
 * @param providerMessageId the carrier's id (Vonage {@code message_uuid}), or for e-mail the {@code messageRef};
 *                          the event id derives from it
 * @param channel           {@code sms}, {@code email} or {@code voicemail}
 * @param patientRef        blind index of the sender's address
 * @param sealedFrom        sender's address (E.164 without '+' as the carrier sends it, or the lower-cased e-mail)
 * @param practiceNumber    the practice address the patient wrote to: its number, or its mailbox (not PHI)
 * @param sealedText        message text (for e-mail: plain text, without markup or quoted history)
 * @param receivedAt        when the carrier or the practice mailbox received it
 * @param sealedSubject     the e-mail's subject
 * @param sealedMessageId   the e-mail's own Message-ID, for answering in the same thread (it can name the sender)
 * @param messageRef        blind index of the e-mail's Message-ID ({@code BlindIndex.ofMessageId})
 * @param threadRefs        blind indexes of the Message-IDs it answers (In-Reply-To, References)
 * @param attachments       what was attached; the contents travel apart, as {@link MediaReceived} pieces
 */
public record MessageReceived(String providerMessageId, String channel, String patientRef, String sealedFrom,
        String practiceNumber, String sealedText, Instant receivedAt, String sealedSubject, String sealedMessageId,
        String messageRef, List<String> threadRefs, List<Attachment> attachments) {

    /** An SMS: none of the e-mail fields. */
    public MessageReceived(String providerMessageId, String channel, String patientRef, String sealedFrom,
            String practiceNumber, String sealedText, Instant receivedAt) {
        this(providerMessageId, channel, patientRef, sealedFrom, practiceNumber, sealedText, receivedAt, null, null,
                null, null, null);
    }

    /**
     * One attached file.
     *
     * @param sealedFileName the name the sender gave it
     * @param contentType    sniffed from the bytes, not taken from the name or the sender's declaration
     * @param sizeBytes      its decoded size
     * @param mediaId        the {@link MediaReceived#mediaId()} of its contents; null when they were not kept
     * @param notKeptReason  why the contents were not kept, for staff (no PHI: "its type … is not accepted");
     *                       null when they were kept, or when a producer does not say
     */
    public record Attachment(String sealedFileName, String contentType, Integer sizeBytes, String mediaId,
            String notKeptReason) {

        /** An attachment described only, its contents not kept (as before contents were kept). */
        public Attachment(String sealedFileName, String contentType, Integer sizeBytes) {
            this(sealedFileName, contentType, sizeBytes, null, null);
        }

        /** An attachment whose contents travel as the {@link MediaReceived} pieces of {@code mediaId}. */
        public Attachment(String sealedFileName, String contentType, Integer sizeBytes, String mediaId) {
            this(sealedFileName, contentType, sizeBytes, mediaId, null);
        }
    }
}
