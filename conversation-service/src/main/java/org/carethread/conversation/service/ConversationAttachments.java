package org.carethread.conversation.service;

import java.io.ByteArrayOutputStream;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.mapping.ConversationEvents;
import org.carethread.conversation.repository.MediaFile;
import org.carethread.conversation.repository.MediaRepository;
import org.carethread.conversation.repository.MessageAttachment;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.schemas.staff.StaffMember;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * The files patients sent, opened for staff who may read their conversation (location, team, break-glass: the same
 * rules as reading it). Every download and every thumbnail view is an audited PHI access, recorded in the same
 * transaction: if the audit record cannot be written, nothing is served.
 */
@ApplicationScoped
public class ConversationAttachments {
    private final Mutiny.SessionFactory sessions;
    private final ConversationService conversations;
    private final MediaRepository media;
    private final PhiCipher cipher;
    private final ConversationMetrics metrics;

    public ConversationAttachments(Mutiny.SessionFactory sessions, ConversationService conversations,
            MediaRepository media, PhiCipher cipher, ConversationMetrics metrics) {
        this.sessions = sessions;
        this.conversations = conversations;
        this.media = media;
        this.cipher = cipher;
        this.metrics = metrics;
    }

    /**
     * A file in clear, in memory only for the response.
     *
     * @param fileName the name the sender gave it, or null
     */
    public record OpenedFile(String fileName, String contentType, byte[] contents) {
    }

    public Uni<OpenedFile> download(StaffMember staff, UUID conversationId, UUID mediaId, String clientAddress) {
        return served(staff, conversationId, mediaId, clientAddress, ConversationEvents.ACTION_ATTACHMENT_DOWNLOADED,
                (session, attachment, file) -> media.sealedPieces(session, mediaId).map(pieces -> {
                    ByteArrayOutputStream contents = new ByteArrayOutputStream(file.sizeBytes);
                    pieces.forEach(piece -> contents.writeBytes(cipher.openBytes(piece)));
                    return new OpenedFile(cipher.open(attachment.sealedFileName), file.contentType,
                            contents.toByteArray());
                }));
    }

    /** The photo's thumbnail; not found for files that have none (not an image, or one that could not be read). */
    public Uni<OpenedFile> thumbnail(StaffMember staff, UUID conversationId, UUID mediaId, String clientAddress) {
        return served(staff, conversationId, mediaId, clientAddress,
                ConversationEvents.ACTION_ATTACHMENT_THUMBNAIL_VIEWED, (session, attachment, file) -> {
                    if (file.sealedThumbnail == null) {
                        return Uni.createFrom().failure(new AttachmentNotFoundException());
                    }
                    return Uni.createFrom().item(new OpenedFile(null, file.thumbnailType,
                            cipher.openBytes(file.sealedThumbnail)));
                });
    }

    @FunctionalInterface
    private interface Opening {
        Uni<OpenedFile> open(Mutiny.Session session, MessageAttachment attachment, MediaFile file);
    }

    private Uni<OpenedFile> served(StaffMember staff, UUID conversationId, UUID mediaId, String clientAddress,
            String action, Opening opening) {
        return sessions.withTransaction(session -> conversations.visible(session, staff, conversationId, false)
                .chain(conversation -> media.attachmentIn(session, conversation.id, mediaId)
                        .onItem().ifNull().failWith(AttachmentNotFoundException::new)
                        .chain(attachment -> session.find(MediaFile.class, mediaId)
                                .invoke(file -> {
                                    if (file == null || !file.isComplete()) {
                                        throw new AttachmentArrivingException();
                                    }
                                })
                                .chain(file -> opening.open(session, attachment, file)))
                        .call(() -> conversations.recordAccess(session, staff, conversation, action, clientAddress))))
                .invoke(() -> metrics.attachmentServed(action));
    }
}
