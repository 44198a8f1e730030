package org.carethread.ingestion.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.ingestion.service.DeliveryReport;
import org.carethread.ingestion.messaging.CarrierEventPublisher;
import org.carethread.ingestion.service.FileKeeping;
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

    /** The id its event will have, which names its files before the event exists. */
    public String eventIdOf(InboundEmail email) {
        return CarrierEventPublisher.eventIdOf(Channels.EMAIL, messageRef(email.messageId()));
    }

    /** The files as {@link FileKeeping} sees them, in the order of the e-mail's attachments. */
    public static List<FileKeeping.Offered> offered(InboundEmail email) {
        return email.attachments().stream()
                .map(attachment -> new FileKeeping.Offered(attachment.contentType(), attachment.contents())).toList();
    }

    /** @param kept what {@link FileKeeping} decided for {@link #offered(InboundEmail)} */
    public MessageReceived messageReceived(InboundEmail email, Instant receivedAt, FileKeeping.Kept kept) {
        String messageRef = messageRef(email.messageId());
        List<MessageReceived.Attachment> attachments = new ArrayList<>();
        for (int place = 0; place < email.attachments().size(); place++) {
            InboundEmail.Attachment attachment = email.attachments().get(place);
            attachments.add(new MessageReceived.Attachment(cipher.seal(attachment.fileName()),
                    attachment.contentType(), attachment.sizeBytes(), kept.mediaIds().get(place),
                    kept.notKeptReasons().get(place)));
        }
        return new MessageReceived(messageRef, Channels.EMAIL, blindIndex.ofAddress(email.from()),
                cipher.seal(email.from()), email.practiceMailbox(), cipher.seal(email.text()), receivedAt,
                cipher.seal(email.subject()), cipher.seal(email.messageId()), messageRef,
                email.answers().stream().map(blindIndex::ofMessageId).toList(), attachments);
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
