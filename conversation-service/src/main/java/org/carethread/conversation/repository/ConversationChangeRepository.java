package org.carethread.conversation.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** A conversation's history of changes. */
@ApplicationScoped
public class ConversationChangeRepository {

    /** Oldest first; changes to one conversation are made under its row lock, so their times are in order. */
    public Uni<List<ConversationChange>> ofConversation(Mutiny.Session session, UUID conversationId) {
        return session.createSelectionQuery("from ConversationChange where conversationId = :id"
                + " order by changedAt, id", ConversationChange.class)
                .setParameter("id", conversationId)
                .getResultList();
    }
}
