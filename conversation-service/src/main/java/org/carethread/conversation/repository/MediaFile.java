package org.carethread.conversation.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The contents of a file a patient sent, as its sealed pieces arrive ({@code media_piece}); complete once all are in. */
@Entity
@Table(name = "media_file")
public class MediaFile {
    @Id
    @Column(name = "media_id")
    public UUID mediaId;
    @Column(name = "message_event_id")
    public String messageEventId;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public int sizeBytes;
    public int pieces;
    @Column(name = "first_piece_at")
    public Instant firstPieceAt;
    /** When the last piece came in; null while pieces are missing. */
    @Column(name = "completed_at")
    public Instant completedAt;
    /** For images: a small picture of it, sealed; null for other files or images that cannot be read. */
    @Column(name = "sealed_thumbnail")
    public String sealedThumbnail;
    @Column(name = "thumbnail_type")
    public String thumbnailType;

    public boolean isComplete() {
        return completedAt != null;
    }
}
