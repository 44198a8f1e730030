package org.carethread.conversation.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A colleague named in a note (@username); it waits in their mentions until they have seen it. */
@Entity
@Table(name = "staff_mention")
public class StaffMention {
    @Id
    public UUID id;
    @Column(name = "note_id")
    public UUID noteId;
    @Column(name = "conversation_id")
    public UUID conversationId;
    @Column(name = "location_code")
    public String locationCode;
    public String username;
    @Column(name = "mentioned_by")
    public String mentionedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "seen_at")
    public Instant seenAt;
}
