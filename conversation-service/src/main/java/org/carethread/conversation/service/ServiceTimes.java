package org.carethread.conversation.service;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.repository.Conversation;
import org.carethread.conversation.service.ConversationChangeLog.Before;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Records how long patients waited, for the practice's reports: each staff answer that ends a wait (the episode's
 * first, or a later one) against the response target then in force, and each resolution from the message that opened
 * the episode. Written in the transaction of the change; no PHI.
 */
@ApplicationScoped
public class ServiceTimes {
    public static final String FIRST_RESPONSE = "first-response";
    public static final String RESPONSE = "response";
    public static final String RESOLUTION = "resolution";

    /** Called with every recorded change; records nothing unless the change ended a wait or an episode. */
    Uni<Void> changed(Mutiny.Session session, Conversation conversation, Before before, String action,
            ChangeActor actor, Instant at) {
        boolean wasWaiting = Conversation.UNASSIGNED.equals(before.status())
                || Conversation.ASSIGNED.equals(before.status());
        if (ConversationChangeLog.REPLY.equals(action) && wasWaiting && conversation.clockStartedAt != null) {
            String kind = conversation.firstRespondedAt == null ? FIRST_RESPONSE : RESPONSE;
            if (conversation.firstRespondedAt == null) {
                conversation.firstRespondedAt = at;
            }
            Instant due = conversation.responseDueAt;
            return insert(session, conversation, kind, conversation.clockStartedAt, at, due,
                    due == null ? null : !at.isAfter(due), actor);
        }
        if (ConversationChangeLog.RESOLVE.equals(action) && !Conversation.RESOLVED.equals(before.status())
                && conversation.episodeStartedAt != null) {
            return insert(session, conversation, RESOLUTION, conversation.episodeStartedAt, at, null, null, actor);
        }
        return Uni.createFrom().voidItem();
    }

    private static Uni<Void> insert(Mutiny.Session session, Conversation conversation, String kind, Instant startedAt,
            Instant endedAt, Instant dueAt, Boolean met, ChangeActor actor) {
        // A clock that starts at the next opening may start after a reply sent before it: that wait was zero.
        long seconds = Math.max(0, Duration.between(startedAt, endedAt).toSeconds());
        return session.createNativeQuery("insert into service_time (id, conversation_id, location_code, queue_code,"
                + " priority, kind, started_at, ended_at, elapsed_seconds, due_at, met_target, staff_user) values"
                + " (:id, :conversation, :location, :queue, :priority, :kind, :started, :ended, :seconds, :due, :met,"
                + " :staff)")
                .setParameter("id", UUID.randomUUID())
                .setParameter("conversation", conversation.id)
                .setParameter("location", conversation.locationCode)
                .setParameter("queue", conversation.queueCode)
                .setParameter("priority", Conversation.priorityOf(conversation.priority))
                .setParameter("kind", kind)
                .setParameter("started", startedAt)
                .setParameter("ended", endedAt)
                .setParameter("seconds", seconds)
                .setParameter("due", dueAt)
                .setParameter("met", met)
                .setParameter("staff", actor.id() == null ? null : actor.name())
                .executeUpdate()
                .replaceWithVoid();
    }
}
