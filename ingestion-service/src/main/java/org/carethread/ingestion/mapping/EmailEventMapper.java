package org.carethread.ingestion.mapping;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.ingestion.service.InboundEmail;
import org.carethread.schemas.Channels;
import org.carethread.schemas.crypto.BlindIndex;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.schemas.events.MessageReceived;

/**
 * Turns a read e-mail into its event, sealing PHI on the way. Message-IDs travel as blind indexes for threading
 * (they can name the sender) and the mail's own one also sealed, for answering in its thread.
 */
@ApplicationScoped
public class EmailEventMapper {
    private final PhiCipher cipher;
    private final BlindIndex blindIndex;

    public EmailEventMapper(PhiCipher cipher, BlindIndex blindIndex) {
        this.cipher = cipher;
        this.blindIndex = blindIndex;
    }

    public MessageReceived messageReceived(InboundEmail email, Instant receivedAt) {
        String messageRef = blindIndex.ofMessageId(email.messageId());
        return new MessageReceived(messageRef, Channels.EMAIL, blindIndex.ofAddress(email.from()),
                cipher.seal(email.from()), email.practiceMailbox(), cipher.seal(email.text()), receivedAt,
                cipher.seal(email.subject()), cipher.seal(email.messageId()), messageRef,
                email.answers().stream().map(blindIndex::ofMessageId).toList(),
                email.attachments().stream().map(attachment -> new MessageReceived.Attachment(
                        cipher.seal(attachment.fileName()), attachment.contentType(), attachment.sizeBytes()))
                        .toList());
    }
}
