package org.carethread.conversation.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** Message queries. */
@ApplicationScoped
public class MessageRepository {

    public Uni<List<Message>> inConversation(Mutiny.Session session, UUID conversationId) {
        return session.createSelectionQuery("from Message where conversationId = :conversationId"
                + " order by occurredAt, id", Message.class)
                .setParameter("conversationId", conversationId)
                .getResultList();
    }

    public Uni<Message> inConversation(Mutiny.Session session, UUID conversationId, UUID messageId) {
        return session.createSelectionQuery("from Message where conversationId = :conversationId and id = :id",
                Message.class)
                .setParameter("conversationId", conversationId)
                .setParameter("id", messageId)
                .getSingleResultOrNull();
    }

    /** The patient's latest e-mail in a conversation (one with a Message-ID), or null. */
    public Uni<Message> patientsLastEmail(Mutiny.Session session, UUID conversationId) {
        return session.createSelectionQuery("from Message where conversationId = :conversation"
                + " and direction = :inbound and sealedEmailMessageId is not null order by occurredAt desc, id",
                Message.class)
                .setParameter("conversation", conversationId)
                .setParameter("inbound", Message.INBOUND)
                .setMaxResults(1)
                .getSingleResultOrNull();
    }

    public Uni<Boolean> existsForSourceEvent(Mutiny.Session session, String sourceEventId) {
        return session.createSelectionQuery("select count(m) from Message m where m.sourceEventId = :sourceEventId",
                Long.class)
                .setParameter("sourceEventId", sourceEventId)
                .getSingleResult()
                .map(count -> count > 0);
    }

    /**
     * Serialises, until the transaction ends, everything done about one patient message: the decision adding it and
     * an on-call alert about it, which travel on different topics and may be handled at the same time.
     */
    public Uni<Void> lockSourceEvent(Mutiny.Session session, String sourceEventId) {
        return transactionLock(session, "message:" + sourceEventId);
    }

    /** Holds a lock named by the key until the transaction ends: whoever takes the same name next waits for it. */
    static Uni<Void> transactionLock(Mutiny.Session session, String key) {
        return session.createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", key)
                .getSingleResult()
                .replaceWithVoid();
    }

    public Uni<Message> replyWithKey(Mutiny.Session session, UUID conversationId, String idempotencyKey) {
        return session.createSelectionQuery("from Message where conversationId = :conversationId"
                + " and idempotencyKey = :key", Message.class)
                .setParameter("conversationId", conversationId)
                .setParameter("key", idempotencyKey)
                .getSingleResultOrNull();
    }

    /**
     * Messages stored before search existed whose words are not indexed yet, oldest first, locked; rows another
     * instance is indexing are skipped.
     */
    public Uni<List<Message>> termsPendingForUpdate(Mutiny.Session session, int limit) {
        return session.createNativeQuery("select * from message where not terms_indexed order by occurred_at"
                + " limit :limit for update skip locked", Message.class)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** Locked, so two status updates for one message apply one after another and never move it backwards. */
    public Uni<Message> findForUpdate(Mutiny.Session session, UUID id) {
        return session.find(Message.class, id, LockMode.PESSIMISTIC_WRITE);
    }
}
