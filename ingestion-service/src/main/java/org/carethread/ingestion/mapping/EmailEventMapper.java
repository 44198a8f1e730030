package org.carethread.ingestion.mapping;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.ingestion.service.DeliveryReport;
import org.carethread.ingestion.service.InboundEmail;
import org.carethread.schemas.Channels;
import org.carethread.schemas.crypto.BlindIndex;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.schemas.events.DeliveryReceipt;
import org.carethread.schemas.events.MessageReceived;
import org.carethread.schemas.events.OutboundRequested;

/**
 * Turns a read e-mail into its event, sealing PHI on the way. Message-IDs travel as blind indexes for threading
 * (they can name the sender) and the mail's own one also sealed, for answering in its thread. A mail system's report
 * becomes a delivery receipt naming our e-mail as notification-service recorded it.
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
        String messageRef = messageRef(email.messageId());
        return new MessageReceived(messageRef, Channels.EMAIL, blindIndex.ofAddress(email.from()),
                cipher.seal(email.from()), email.practiceMailbox(), cipher.seal(email.text()), receivedAt,
                cipher.seal(email.subject()), cipher.seal(email.messageId()), messageRef,
                email.answers().stream().map(blindIndex::ofMessageId).toList(),
                email.attachments().stream().map(attachment -> new MessageReceived.Attachment(
                        cipher.seal(attachment.fileName()), attachment.contentType(), attachment.sizeBytes()))
                        .toList());
    }

    /** Blind, like a patient's mail: a mail is accepted once by this, whatever it turns out to be. */
    public String messageRef(String messageId) {
        return blindIndex.ofMessageId(messageId);
    }

    /**
     * Our e-mail by the Message-ID notification-service gave it ({@code <outbound id@mail domain>}) and by its
     * outbound id. A report on a mail CareThread did not send names it by the blind index of its Message-ID, which
     * can name a person; notification-service finds no such message and counts the receipt as unmatched.
     */
    public DeliveryReceipt deliveryReceipt(DeliveryReport report, Instant receivedAt) {
        String outboundId = report.outboundId();
        String providerMessageId = outboundId == null ? blindIndex.ofMessageId(report.originalMessageId())
                : "<" + OutboundRequested.emailMessageId(outboundId, report.practiceMailbox()) + ">";
        return new DeliveryReceipt(providerMessageId, report.carrierStatus(), outboundId, report.reason(), receivedAt,
                Channels.EMAIL);
    }
}
