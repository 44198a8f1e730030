package org.carethread.conversation.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** Messages' attachments and the files patients sent, piece by piece. */
@ApplicationScoped
public class MediaRepository {

    /** Serialises, until the transaction ends, everything done with one file's pieces. */
    public Uni<Void> lockFile(Mutiny.Session session, UUID mediaId) {
        return MessageRepository.transactionLock(session, "media:" + mediaId);
    }

    /** Keeps a piece unless it is already in (the same piece published twice under another event id). */
    public Uni<Void> addPiece(Mutiny.Session session, UUID mediaId, int piece, String sealedBytes) {
        return session.createNativeQuery("insert into media_piece (media_id, piece, sealed_bytes)"
                + " values (:media, :piece, :sealed) on conflict do nothing")
                .setParameter("media", mediaId)
                .setParameter("piece", piece)
                .setParameter("sealed", sealedBytes)
                .executeUpdate()
                .replaceWithVoid();
    }

    public Uni<Long> pieceCount(Mutiny.Session session, UUID mediaId) {
        return session.createNativeQuery("select count(*) from media_piece where media_id = :media", Long.class)
                .setParameter("media", mediaId)
                .getSingleResult();
    }

    /** A file's pieces, sealed, in order. */
    public Uni<List<String>> sealedPieces(Mutiny.Session session, UUID mediaId) {
        return session.createNativeQuery("select sealed_bytes from media_piece where media_id = :media order by piece",
                String.class)
                .setParameter("media", mediaId)
                .getResultList();
    }

    /** Every attachment of a conversation's messages, in each message's order. */
    public Uni<List<MessageAttachment>> attachmentsIn(Mutiny.Session session, UUID conversationId) {
        return session.createSelectionQuery("from MessageAttachment where conversationId = :conversation"
                + " order by messageId, place", MessageAttachment.class)
                .setParameter("conversation", conversationId)
                .getResultList();
    }

    /** The attachment of this conversation whose contents are the file, or null: a file is only reached through it. */
    public Uni<MessageAttachment> attachmentIn(Mutiny.Session session, UUID conversationId, UUID mediaId) {
        return session.createSelectionQuery("from MessageAttachment where conversationId = :conversation"
                + " and mediaId = :media order by messageId, place", MessageAttachment.class)
                .setParameter("conversation", conversationId)
                .setParameter("media", mediaId)
                .setMaxResults(1)
                .getSingleResultOrNull();
    }

    public Uni<List<MediaFile>> files(Mutiny.Session session, List<UUID> mediaIds) {
        if (mediaIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery("from MediaFile where mediaId in :ids", MediaFile.class)
                .setParameter("ids", mediaIds)
                .getResultList();
    }
}
