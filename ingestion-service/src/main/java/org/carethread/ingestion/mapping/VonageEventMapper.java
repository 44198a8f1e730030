package org.carethread.ingestion.mapping;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.ingestion.repository.VoicemailCallRepository.HeldCall;
import org.carethread.ingestion.rest.VonageInboundMessage;
import org.carethread.ingestion.rest.VonageMessageStatus;
import org.carethread.ingestion.service.ReceivedFile;
import org.carethread.schemas.Channels;
import org.carethread.schemas.crypto.BlindIndex;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.schemas.events.DeliveryReceipt;
import org.carethread.schemas.events.MessageReceived;

/** Turns verified Vonage webhook bodies into event payloads, sealing PHI on the way. */
@ApplicationScoped
public class VonageEventMapper {
    private static final int MAX_ERROR_REASON = 200;

    private final PhiCipher cipher;
    private final BlindIndex blindIndex;

    public VonageEventMapper(PhiCipher cipher, BlindIndex blindIndex) {
        this.cipher = cipher;
        this.blindIndex = blindIndex;
    }

    /**
     * A text or picture message; an MMS is kept as SMS, the channel replies go back on, with its file among the
     * attachments and its caption as the text.
     */
    public MessageReceived messageReceived(VonageInboundMessage message, List<MessageReceived.Attachment> attachments) {
        return new MessageReceived(message.messageUuid(), Channels.SMS, blindIndex.ofAddress(message.from()),
                cipher.seal(message.from()), message.to(), cipher.seal(message.words()),
                Instant.parse(message.timestamp()), null, null, null, null,
                attachments.isEmpty() ? null : attachments);
    }

    /** A value sealed as PHI; null stays null. */
    public String sealed(String value) {
        return cipher.seal(value);
    }

    /**
     * A voicemail as the caller's message: its transcript as the text, its recording (when it could be kept) as its
     * one attachment. The caller's number was sealed when the call was answered.
     */
    public MessageReceived voicemail(HeldCall call, String transcript, ReceivedFile recording) {
        List<MessageReceived.Attachment> attachments = recording == null ? List.of()
                : List.of(new MessageReceived.Attachment(cipher.seal("voicemail" + extensionOf(recording.contentType())),
                        recording.contentType(), recording.contents().length, recording.mediaId()));
        return new MessageReceived(call.recordingUuid(), Channels.VOICEMAIL, call.patientRef(), call.sealedCaller(),
                call.practiceNumber(), cipher.seal(transcript), call.recordedAt(), null, null, null, null,
                attachments);
    }

    private static String extensionOf(String contentType) {
        return switch (contentType) {
            case "audio/mpeg" -> ".mp3";
            case "audio/vnd.wave", "audio/wav", "audio/x-wav" -> ".wav";
            case "audio/ogg" -> ".ogg";
            default -> "";
        };
    }

    public DeliveryReceipt deliveryReceipt(VonageMessageStatus status) {
        return new DeliveryReceipt(status.messageUuid(), status.status(), status.clientRef(),
                errorReason(status.error()), Instant.parse(status.timestamp()));
    }

    /**
     * Vonage's error title is a short code or phrase; the detail can quote the recipient's number, so it is not
     * used, and long digit runs are masked in case a title ever carries one.
     */
    private static String errorReason(VonageMessageStatus.Error error) {
        if (error == null || error.title() == null || error.title().isBlank()) {
            return null;
        }
        String reason = error.title().strip().replaceAll("\\d{7,}", "[number]");
        return reason.length() <= MAX_ERROR_REASON ? reason : reason.substring(0, MAX_ERROR_REASON);
    }
}
