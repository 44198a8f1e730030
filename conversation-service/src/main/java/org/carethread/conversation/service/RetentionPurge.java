package org.carethread.conversation.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.config.ConversationConfig;
import org.carethread.conversation.repository.Conversation;
import org.carethread.messaging.Outbox;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.ConversationPurged;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Deletes conversations the practice no longer has to keep: resolved, with no message for {@code retention-days}
 * (seven years by default), and under no legal hold, neither on the conversation nor on its patient. Everything of
 * the conversation goes (messages with their search terms and the files patients sent, notes and mentions,
 * scheduled replies, history, service times, break-glass grants, alerts), in one transaction per batch, and each
 * purge is announced as
 * {@code carethread.conversation.purged.v1} for the audit log. A conversation still in progress is never purged,
 * however old.
 */
@ApplicationScoped
public class RetentionPurge {
    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);
    private static final int BATCH = 50;
    /** Children before parents, so no foreign key is ever violated. */
    private static final List<String> DELETES = List.of(
            "delete from message_term where conversation_id = :id",
            "delete from service_time where conversation_id = :id",
            "delete from staff_mention where conversation_id = :id",
            "delete from scheduled_reply where conversation_id = :id",
            "delete from conversation_note where conversation_id = :id",
            "delete from break_glass_grant where conversation_id = :id",
            "delete from staff_alert where conversation_id = :id",
            "delete from conversation_change where conversation_id = :id",
            "delete from media_piece where media_id in"
                    + " (select media_id from message_attachment where conversation_id = :id)",
            "delete from media_file where media_id in"
                    + " (select media_id from message_attachment where conversation_id = :id)",
            "delete from message_attachment where conversation_id = :id",
            "delete from message where conversation_id = :id",
            "delete from conversation where id = :id");

    private final Mutiny.SessionFactory sessions;
    private final Outbox outbox;
    private final ConversationConfig config;

    public RetentionPurge(Mutiny.SessionFactory sessions, Outbox outbox, ConversationConfig config) {
        this.sessions = sessions;
        this.outbox = outbox;
        this.config = config;
    }

    @Scheduled(every = "${carethread.conversation.retention-check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeExpired() {
        Instant now = Instant.now();
        Instant before = now.minus(Duration.ofDays(config.retentionDays()));
        return sessions.withTransaction(session -> expired(session, before)
                .onItem().transformToMulti(found -> Multi.createFrom().iterable(found))
                .onItem().transformToUniAndConcatenate(conversation -> purge(session, conversation, now))
                .collect().asList()
                .replaceWithVoid())
                .onFailure().invoke(e -> LOG.errorf("purging expired conversations failed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> purge(Mutiny.Session session, Conversation conversation, Instant now) {
        UUID id = conversation.id;
        // The patient's messages are named by their inbound events, so routing and notification can delete theirs
        return session.createNativeQuery("select source_event_id from message where conversation_id = :id"
                + " and source_event_id is not null order by occurred_at", String.class)
                .setParameter("id", id)
                .getResultList()
                .chain(messageEvents -> {
                    ConversationPurged purged = new ConversationPurged(id.toString(), conversation.locationCode,
                            conversation.patientRef, conversation.lastMessageAt, config.retentionDays(),
                            messageEvents, now);
                    // The entity leaves the session first: the rows go by SQL, and Hibernate must not write it back.
                    session.detach(conversation);
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (String delete : DELETES) {
                        chain = chain.chain(() -> session.createNativeQuery(delete).setParameter("id", id)
                                .executeUpdate().replaceWithVoid());
                    }
                    return chain.chain(() -> outbox.add(session, Topics.CONVERSATION_EVENTS,
                            EventTypes.CONVERSATION_PURGED, purged.patientRef(), purged.conversationId(), purged));
                });
    }

    @Scheduled(every = "${carethread.conversation.retention-check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deleteUnclaimedFiles() {
        Instant before = Instant.now().minus(Duration.ofDays(config.unclaimedFileDays()));
        return sessions.withTransaction(session -> session.createNativeQuery("select f.media_id from media_file f"
                + " where f.first_piece_at < :before"
                + " and not exists (select 1 from message_attachment a where a.media_id = f.media_id)"
                + " order by f.first_piece_at limit :limit for update of f skip locked", UUID.class)
                .setParameter("before", before)
                .setParameter("limit", BATCH)
                .getResultList()
                .call(unclaimed -> unclaimed.isEmpty() ? Uni.createFrom().voidItem()
                        : session.createNativeQuery("delete from media_piece where media_id in :ids")
                                .setParameter("ids", unclaimed).executeUpdate()
                                .chain(() -> session.createNativeQuery("delete from media_file where media_id in :ids")
                                        .setParameter("ids", unclaimed).executeUpdate())
                                .invoke(files -> LOG.infof("deleted %d unclaimed patient files", files))))
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.errorf("deleting unclaimed files failed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull();
    }

    /** Resolved conversations quiet since before the cut-off, with no active hold on them or their patient; locked. */
    private static Uni<List<Conversation>> expired(Mutiny.Session session, Instant before) {
        return session.createNativeQuery("select c.* from conversation c where c.status = 'resolved'"
                + " and c.last_message_at < :before"
                + " and not exists (select 1 from legal_hold h where h.released_at is null"
                + " and (h.conversation_id = c.id or (c.patient_id is not null and h.patient_id = c.patient_id)))"
                + " order by c.last_message_at limit :limit for update of c skip locked", Conversation.class)
                .setParameter("before", before)
                .setParameter("limit", BATCH)
                .getResultList();
    }
}
