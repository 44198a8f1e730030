package org.carethread.conversation.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** Break-glass grants: who may read which conversation outside their locations, until when, and why (sealed). */
@ApplicationScoped
public class BreakGlassRepository {

    public Uni<Void> grant(Mutiny.Session session, UUID id, UUID conversationId, String staffUserId,
            String staffUsername, String sealedReason, Instant grantedAt, Instant expiresAt) {
        return session.createNativeQuery("insert into break_glass_grant (id, conversation_id, staff_user_id,"
                + " staff_username, sealed_reason, granted_at, expires_at) values (:id, :conversation, :staffId,"
                + " :username, :reason, :grantedAt, :expiresAt)")
                .setParameter("id", id)
                .setParameter("conversation", conversationId)
                .setParameter("staffId", staffUserId)
                .setParameter("username", staffUsername)
                .setParameter("reason", sealedReason)
                .setParameter("grantedAt", grantedAt)
                .setParameter("expiresAt", expiresAt)
                .executeUpdate()
                .replaceWithVoid();
    }

    /** The sealed reason of the staff member's grant for the conversation in force now; null when there is none. */
    public Uni<String> activeReason(Mutiny.Session session, String staffUserId, UUID conversationId, Instant now) {
        return session.createNativeQuery("select sealed_reason from break_glass_grant where staff_user_id = :staffId"
                + " and conversation_id = :conversation and granted_at <= :now and expires_at > :now"
                + " order by expires_at desc limit 1", String.class)
                .setParameter("staffId", staffUserId)
                .setParameter("conversation", conversationId)
                .setParameter("now", now)
                .getSingleResultOrNull();
    }
}
