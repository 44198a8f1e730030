package org.carethread.conversation.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** Replies waiting for their time. */
@ApplicationScoped
public class ScheduledReplyRepository {

    /** Still to go out, soonest first, for the conversation's detail. */
    public Uni<List<ScheduledReply>> pendingIn(Mutiny.Session session, UUID conversationId) {
        return session.createSelectionQuery("from ScheduledReply where conversationId = :conversationId"
                + " and status = :scheduled order by sendAt, id", ScheduledReply.class)
                .setParameter("conversationId", conversationId)
                .setParameter("scheduled", ScheduledReply.SCHEDULED)
                .getResultList();
    }

    public Uni<ScheduledReply> findForUpdate(Mutiny.Session session, UUID conversationId, UUID id) {
        return session.createSelectionQuery("from ScheduledReply where conversationId = :conversationId and id = :id",
                ScheduledReply.class)
                .setParameter("conversationId", conversationId)
                .setParameter("id", id)
                .setLockMode(LockMode.PESSIMISTIC_WRITE)
                .getSingleResultOrNull();
    }

    /** The ids of replies whose time has come; each is then sent in its own transaction. */
    public Uni<List<UUID>> due(Mutiny.Session session, Instant now, int limit) {
        return session.createSelectionQuery("select id from ScheduledReply where status = :scheduled"
                + " and sendAt <= :now order by sendAt, id", UUID.class)
                .setParameter("scheduled", ScheduledReply.SCHEDULED)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
    }
}
