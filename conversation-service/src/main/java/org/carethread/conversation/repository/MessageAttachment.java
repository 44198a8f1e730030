package org.carethread.conversation.repository;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A file a patient's message says was attached, in its place among the message's attachments. Its contents, when
 * kept, are the {@link MediaFile} of {@code mediaId}.
 */
@Entity
@Table(name = "message_attachment")
@IdClass(MessageAttachment.Key.class)
public class MessageAttachment {
    @Id
    @Column(name = "message_id")
    public UUID messageId;
    @Id
    public int place;
    @Column(name = "conversation_id")
    public UUID conversationId;
    /** The name the sender gave it, sealed; null when it had none. */
    @Column(name = "sealed_file_name")
    public String sealedFileName;
    /** Sniffed from the bytes by ingestion. */
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public int sizeBytes;
    /** Null when the contents were not kept. */
    @Column(name = "media_id")
    public UUID mediaId;
    @Column(name = "not_kept_reason")
    public String notKeptReason;

    public record Key(UUID messageId, int place) {
    }
}
