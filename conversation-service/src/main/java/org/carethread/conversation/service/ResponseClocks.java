package org.carethread.conversation.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.mapping.ConversationEvents;
import org.carethread.conversation.repository.Conversation;
import org.carethread.conversation.repository.QueueSettingRepository;
import org.carethread.messaging.Outbox;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Keeps every waiting conversation's response due time and flag in step with its clock, queue, priority, the targets
 * and the location's hours, on a short beat: whatever changed a conversation (a new message, a move, a reply), the
 * next beat sees it. Raising a flag (approaching, then overdue) is announced once on {@code conversation.events} in
 * the same transaction; an answer clears both. Due times are written only where the conversation is unchanged since
 * it was read (same version), so a beat never overwrites a change staff made meanwhile, and never bumps the version
 * staff send back as If-Match.
 */
@ApplicationScoped
public class ResponseClocks {
    private static final Logger LOG = Logger.getLogger(ResponseClocks.class);

    private final Mutiny.SessionFactory sessions;
    private final QueueSettingRepository queues;
    private final PracticeSchedule schedule;
    private final Outbox outbox;
    private final ConversationMetrics metrics;

    public ResponseClocks(Mutiny.SessionFactory sessions, QueueSettingRepository queues, PracticeSchedule schedule,
            Outbox outbox, ConversationMetrics metrics) {
        this.sessions = sessions;
        this.queues = queues;
        this.schedule = schedule;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    @Scheduled(every = "${carethread.conversation.clock-check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> keepTime() {
        Instant now = Instant.now();
        return sessions.withTransaction(session -> queues.targets(session)
                .chain(targets -> schedule.hours(session).map(hours -> new ResponseTargets(targets, hours)))
                .chain(targets -> ticking(session)
                        .onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                        .onItem().transformToUniAndConcatenate(conversation -> keep(session, conversation,
                                targets.dueOf(conversation), now))
                        .collect().asList()))
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.errorf("keeping response clocks failed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> keep(Mutiny.Session session, Conversation conversation, ResponseTargets.Due due, Instant now) {
        Instant dueAt = due == null ? null : due.dueAt();
        String flag = due == null ? null : due.flagAt(now);
        if (Objects.equals(dueAt, conversation.responseDueAt) && Objects.equals(flag, conversation.targetFlag)) {
            return Uni.createFrom().voidItem();
        }
        boolean raised = flag != null && !flag.equals(conversation.targetFlag);
        return session.createNativeQuery("update conversation set response_due_at = :due, target_flag = :flag"
                + " where id = :id and version = :version")
                .setParameter("due", dueAt)
                .setParameter("flag", flag)
                .setParameter("id", conversation.id)
                .setParameter("version", conversation.version)
                .executeUpdate()
                .chain(updated -> {
                    if (updated == 0 || !raised) {
                        return Uni.createFrom().voidItem();
                    }
                    metrics.targetFlagged(flag);
                    return outbox.add(session, Topics.CONVERSATION_EVENTS, EventTypes.CONVERSATION_TARGET_FLAGGED,
                            conversation.patientRef, conversation.id.toString(),
                            ConversationEvents.targetFlagged(conversation, flag, dueAt, now));
                });
    }

    /** Conversations a patient waits on, and those that still show a due time though nobody waits any more. */
    private Uni<List<Conversation>> ticking(Mutiny.Session session) {
        return session.createSelectionQuery("from Conversation where (status in :open and clockStartedAt is not null)"
                + " or responseDueAt is not null", Conversation.class)
                .setParameter("open", List.of(Conversation.UNASSIGNED, Conversation.ASSIGNED))
                .getResultList();
    }
}
