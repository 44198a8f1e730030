package org.carethread.conversation.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An internal note: staff writing to staff about the conversation. Never sent to the patient; the text is sealed. */
@Entity
@Table(name = "conversation_note")
public class ConversationNote {
    @Id
    public UUID id;
    @Column(name = "conversation_id")
    public UUID conversationId;
    @Column(name = "author_id")
    public String authorId;
    @Column(name = "author_name")
    public String authorName;
    @Column(name = "sealed_text")
    public String sealedText;
    @Column(name = "created_at")
    public Instant createdAt;
}
