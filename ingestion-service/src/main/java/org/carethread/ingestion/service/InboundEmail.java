package org.carethread.ingestion.service;

import java.util.List;

/**
 * A patient's e-mail as CareThread keeps it, in clear only in memory: everything but the practice mailbox is PHI
 * and is sealed before it leaves the service.
 *
 * @param messageId       its Message-ID, without angle brackets
 * @param answers         the Message-IDs it answers: In-Reply-To, then References newest first
 * @param from            the sender's address, lower-cased
 * @param practiceMailbox the practice address it was delivered to, lower-cased
 * @param text            plain text without markup or quoted history
 */
public record InboundEmail(String messageId, List<String> answers, String from, String practiceMailbox,
        String subject, String text, List<Attachment> attachments) implements ArrivedEmail {

    /** An attached file; its content type comes from its bytes, which are kept only if {@code FileKeeping} says so. */
    public record Attachment(String fileName, String contentType, byte[] contents) {

        public int sizeBytes() {
            return contents.length;
        }
    }
}
