package org.carethread.conversation.repository;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * One word of a message, as a keyed blind index only: search finds the conversations that hold a word without the
 * word being stored anywhere in clear.
 */
@Entity
@Table(name = "message_term")
@IdClass(MessageTerm.Key.class)
public class MessageTerm {
    @Id
    @Column(name = "message_id")
    public UUID messageId;
    @Id
    public String term;
    @Column(name = "conversation_id")
    public UUID conversationId;

    public record Key(UUID messageId, String term) implements Serializable {
    }
}
