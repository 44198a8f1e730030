package org.carethread.schemas.events;

/**
 * One piece of a file a patient sent with a message: a photo or document attached to an MMS or an e-mail, or a
 * voicemail's recording. Topic {@code inbound.media}, key {@code patientRef} (the key of the message it belongs to,
 * so its pieces and its message share a partition). A file travels in pieces of at most {@link #PIECE_BYTES}
 * plain bytes so every record stays well under Kafka's message size limit; the service that keeps the file joins
 * them by {@code piece}.
 *
 * @param mediaId        the file's id, also named by {@link MessageReceived.Attachment#mediaId()}
 * @param messageEventId the event id ({@code ce_id}) of the {@link MessageReceived} the file came with
 * @param patientRef     blind index of the sender's address, as on the message
 * @param contentType    sniffed from the bytes, not taken from the name or the sender's declaration
 * @param sizeBytes      the whole file's size
 * @param piece          this piece's place, from 0
 * @param pieces         how many pieces the file has
 * @param sealedBytes    this piece's bytes, sealed ({@code PhiCipher.sealBytes})
 */
public record MediaReceived(String mediaId, String messageEventId, String patientRef, String contentType,
        Integer sizeBytes, Integer piece, Integer pieces, String sealedBytes) {

    /** Plain bytes per piece: sealed and base64url-encoded, a piece stays near 350 KB. */
    public static final int PIECE_BYTES = 256 * 1024;
}
