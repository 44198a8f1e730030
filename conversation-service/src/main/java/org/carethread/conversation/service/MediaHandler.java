package org.carethread.conversation.service;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.repository.MediaFile;
import org.carethread.conversation.repository.MediaRepository;
import org.carethread.messaging.InboundEvent;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.schemas.events.MediaReceived;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Keeps the pieces of the files patients send, sealed as they came, and completes a file when its last piece is in:
 * the joined bytes must be exactly the size announced, and an image gets its sealed thumbnail then. Pieces may come
 * before or after the message that names the file, in any order; a piece seen twice is kept once. Runs inside the
 * consumer's transaction.
 */
@ApplicationScoped
public class MediaHandler {
    /** 64 pieces of 256 KiB: 16 MiB, what ingestion keeps of one message at most. */
    static final int MAX_PIECES = 64;

    private final MediaRepository media;
    private final PhiCipher cipher;
    private final ConversationMetrics metrics;

    public MediaHandler(MediaRepository media, PhiCipher cipher, ConversationMetrics metrics) {
        this.media = media;
        this.cipher = cipher;
        this.metrics = metrics;
    }

    public Uni<Void> handle(Mutiny.Session session, MediaReceived received, InboundEvent event) {
        UUID mediaId = requireUsable(received, event);
        return media.lockFile(session, mediaId)
                .chain(() -> session.find(MediaFile.class, mediaId))
                .chain(found -> found != null ? Uni.createFrom().item(sameFile(found, received, event))
                        : begin(session, mediaId, received))
                .call(file -> media.addPiece(session, mediaId, received.piece(), received.sealedBytes()))
                .chain(file -> file.isComplete() ? Uni.createFrom().voidItem()
                        : media.pieceCount(session, mediaId).chain(count -> count < file.pieces
                                ? Uni.createFrom().voidItem()
                                : complete(session, file)));
    }

    private Uni<MediaFile> begin(Mutiny.Session session, UUID mediaId, MediaReceived received) {
        MediaFile file = new MediaFile();
        file.mediaId = mediaId;
        file.messageEventId = received.messageEventId();
        file.contentType = received.contentType();
        file.sizeBytes = received.sizeBytes();
        file.pieces = received.pieces();
        file.firstPieceAt = Instant.now();
        return session.persist(file).chain(session::flush).replaceWith(file);
    }

    /** Joins the pieces, checks the whole, and makes an image's thumbnail; the plain bytes live only in memory. */
    private Uni<Void> complete(Mutiny.Session session, MediaFile file) {
        return media.sealedPieces(session, file.mediaId).invoke(pieces -> {
            byte[] contents = joined(pieces);
            if (contents.length != file.sizeBytes) {
                throw new IllegalArgumentException("file " + file.mediaId + " joins to " + contents.length
                        + " bytes, not the " + file.sizeBytes + " announced");
            }
            if (file.contentType.startsWith("image/")) {
                Thumbnails.of(contents).ifPresent(thumbnail -> {
                    file.sealedThumbnail = cipher.sealBytes(thumbnail);
                    file.thumbnailType = Thumbnails.TYPE;
                });
            }
            file.completedAt = Instant.now();
            metrics.fileReceived(file.contentType);
        }).replaceWithVoid();
    }

    private byte[] joined(List<String> sealedPieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sealedPieces.forEach(piece -> out.writeBytes(cipher.openBytes(piece)));
        return out.toByteArray();
    }

    /** Every piece of a file says the same of it; one that does not is a producer's defect, for the dead letters. */
    private static MediaFile sameFile(MediaFile file, MediaReceived received, InboundEvent event) {
        if (file.pieces != received.pieces() || file.sizeBytes != received.sizeBytes()
                || !file.contentType.equals(received.contentType())) {
            throw new IllegalArgumentException("media event " + event.id() + " describes its file differently from"
                    + " the file's earlier pieces");
        }
        return file;
    }

    /**
     * A piece without what keeping it needs, larger than a piece may be, or sealed under keys we do not hold can never
     * be stored safely: fail it so it lands on the dead-letter topic for operators instead of being dropped.
     */
    private UUID requireUsable(MediaReceived received, InboundEvent event) {
        if (received.mediaId() == null || received.messageEventId() == null || received.contentType() == null
                || received.sizeBytes() == null || received.piece() == null || received.pieces() == null
                || received.sealedBytes() == null) {
            throw new IllegalArgumentException("media event " + event.id() + " lacks a field a file needs");
        }
        int pieces = received.pieces();
        int piece = received.piece();
        long size = received.sizeBytes();
        long piecesOfSize = Math.max(1, (size + MediaReceived.PIECE_BYTES - 1) / MediaReceived.PIECE_BYTES);
        if (pieces < 1 || pieces > MAX_PIECES || piece < 0 || piece >= pieces || size < 0 || pieces != piecesOfSize) {
            throw new IllegalArgumentException("media event " + event.id() + " has pieces or a size out of bounds");
        }
        long expected = piece < pieces - 1 ? MediaReceived.PIECE_BYTES
                : size - (long) (pieces - 1) * MediaReceived.PIECE_BYTES;
        if (cipher.openBytes(received.sealedBytes()).length != expected) {
            throw new IllegalArgumentException("media event " + event.id() + " carries a piece of the wrong size");
        }
        try {
            return UUID.fromString(received.mediaId());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("media event " + event.id() + " has a media id that is not a UUID");
        }
    }
}
