package org.carethread.conversation.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** Internal notes and the mentions they carry. */
@ApplicationScoped
public class NoteRepository {

    public Uni<List<ConversationNote>> inConversation(Mutiny.Session session, UUID conversationId) {
        return session.createSelectionQuery("from ConversationNote where conversationId = :conversationId"
                + " order by createdAt, id", ConversationNote.class)
                .setParameter("conversationId", conversationId)
                .getResultList();
    }

    /**
     * The staff member's mentions at their locations, newest first; only unseen ones when asked. A mention at a
     * location they no longer work at is not shown, like the conversation itself.
     */
    public Uni<List<StaffMention>> mentionsOf(Mutiny.Session session, Collection<String> usernames,
            Collection<String> locations, boolean unseenOnly, int limit) {
        return session.createSelectionQuery("from StaffMention where username in :usernames"
                + " and locationCode in :locations and (:all = true or seenAt is null)"
                + " order by createdAt desc, id", StaffMention.class)
                .setParameter("usernames", usernames)
                .setParameter("locations", locations)
                .setParameter("all", !unseenOnly)
                .setMaxResults(limit)
                .getResultList();
    }

    public Uni<StaffMention> mention(Mutiny.Session session, UUID id) {
        return session.find(StaffMention.class, id);
    }
}
