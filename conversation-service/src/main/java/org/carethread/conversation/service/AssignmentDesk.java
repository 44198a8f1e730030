package org.carethread.conversation.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.repository.Conversation;
import org.carethread.conversation.repository.QueueSetting;
import org.carethread.conversation.repository.QueueSettingRepository;
import org.carethread.conversation.service.ConversationChangeLog.Before;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Hands out queue work the way each queue's admin chose, on a short beat, so every way a conversation comes to wait
 * in a queue (a new patient, a reopened one, a move by staff, a return) is served by the same rules:
 * <ol>
 * <li>Waiting conversations of queues with round-robin or least-loaded assignment go to a member who is not out of
 * office and is under the queue's cap, most urgent first; when nobody can take one it waits in the queue.</li>
 * <li>An owner who has not answered within the queue's return time (counted from when they got it, or from the
 * patient's latest wait if later) loses the conversation: to the next member when the queue assigns automatically,
 * otherwise back to the queue. The history says so and {@code conversation.events} announces it as assigned with
 * action {@code returned}, which supervisors see live.</li>
 * </ol>
 * Rows are locked and skipped when locked, so a claim in progress wins and two instances never hand out one
 * conversation twice. Each change is recorded and announced like any other.
 */
@ApplicationScoped
public class AssignmentDesk {
    private static final Logger LOG = Logger.getLogger(AssignmentDesk.class);
    private static final int BATCH = 100;

    private final Mutiny.SessionFactory sessions;
    private final QueueSettingRepository queues;
    private final PracticeSchedule schedule;
    private final ConversationChangeLog changeLog;
    private final ConversationMetrics metrics;

    public AssignmentDesk(Mutiny.SessionFactory sessions, QueueSettingRepository queues, PracticeSchedule schedule,
            ConversationChangeLog changeLog, ConversationMetrics metrics) {
        this.sessions = sessions;
        this.queues = queues;
        this.schedule = schedule;
        this.changeLog = changeLog;
        this.metrics = metrics;
    }

    @Scheduled(every = "${carethread.conversation.assignment-check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> handOut() {
        Instant now = Instant.now();
        return sessions.withTransaction(session -> queues.inLocations(session, null)
                .chain(settings -> schedule.awayAt(session, now)
                        .chain(away -> Multi.createFrom().iterable(settings)
                                .onItem().transformToUniAndConcatenate(queue -> serve(session, queue, away, now))
                                .collect().asList())))
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.errorf("handing out queue work failed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> serve(Mutiny.Session session, QueueSetting queue, Set<String> away, Instant now) {
        Uni<Void> assigned = !queue.assignsAutomatically() ? Uni.createFrom().voidItem()
                : queues.openLoads(session, queue.members())
                        .chain(loads -> waiting(session, queue)
                                .chain(waiting -> assignEach(session, queue, waiting, new HashMap<>(loads), away)));
        return assigned.chain(() -> queue.returnAfterMinutes() == null ? Uni.createFrom().voidItem()
                : unanswered(session, queue, now).chain(late -> returnEach(session, queue, late, away)));
    }

    private Uni<Void> assignEach(Mutiny.Session session, QueueSetting queue, List<Conversation> waiting,
            Map<String, Long> loads, Set<String> away) {
        String last = queue.lastAssigned();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Conversation conversation : waiting) {
            String next = directedPerson(conversation, queue, loads, away);
            if (next == null) {
                next = AssignmentChoice.next(queue, last, loads, away, null);
            }
            if (next == null) {
                break; // everyone is away or at the cap: the rest wait in the queue
            }
            loads.merge(next, 1L, Long::sum);
            last = next;
            String owner = next;
            chain = chain.chain(() -> {
                Before before = Before.of(conversation);
                conversation.assignTo(owner);
                metrics.autoAssigned(queue.assignment());
                return changeLog.record(session, conversation, before, ConversationChangeLog.AUTO_ASSIGN,
                        ChangeActor.SYSTEM, null);
            });
        }
        String lastAssigned = last;
        return chain.chain(() -> lastAssigned == null || lastAssigned.equals(queue.lastAssigned())
                ? Uni.createFrom().voidItem()
                : queues.rememberLastAssigned(session, queue.queueCode(), lastAssigned));
    }

    /**
     * A message routing directed to one person (a rule naming the patient's provider, after coverage) goes to them
     * when they can take it, member of the queue or not.
     */
    private static String directedPerson(Conversation conversation, QueueSetting queue, Map<String, Long> loads,
            Set<String> away) {
        String person = conversation.directedTo;
        if (person == null || person.startsWith("team:") || away.contains(person)) {
            return null;
        }
        return queue.underCap(loads.getOrDefault(person, 0L)) ? person : null;
    }

    private Uni<Void> returnEach(Mutiny.Session session, QueueSetting queue, List<Conversation> late,
            Set<String> away) {
        return Multi.createFrom().iterable(late)
                .onItem().transformToUniAndConcatenate(conversation -> {
                    String owner = conversation.assignee;
                    Uni<String> next = !queue.assignsAutomatically() ? Uni.createFrom().nullItem()
                            : queues.openLoads(session, queue.members())
                                    .map(loads -> AssignmentChoice.next(queue, queue.lastAssigned(), loads, away,
                                            owner));
                    return next.chain(successor -> {
                        Before before = Before.of(conversation);
                        conversation.assignTo(successor);
                        metrics.returnedUnanswered();
                        return changeLog.record(session, conversation, before, ConversationChangeLog.RETURNED,
                                ChangeActor.SYSTEM, "Not answered by " + owner + " within "
                                        + queue.returnAfterMinutes() + " minutes");
                    }).call(() -> conversation.assignee == null ? Uni.createFrom().voidItem()
                            : queues.rememberLastAssigned(session, queue.queueCode(), conversation.assignee));
                })
                .collect().asList()
                .replaceWithVoid();
    }

    /** A queue's settings apply at the location they were set for, whoever named a queue code alike elsewhere. */
    private Uni<List<Conversation>> waiting(Mutiny.Session session, QueueSetting queue) {
        return session.createNativeQuery("select * from conversation where queue_code = :queue"
                + " and location_code = :location and status = 'unassigned'"
                + " order by priority_rank, clock_started_at nulls last, opened_at"
                + " limit :limit for update skip locked", Conversation.class)
                .setParameter("queue", queue.queueCode())
                .setParameter("location", queue.locationCode())
                .setParameter("limit", BATCH)
                .getResultList();
    }

    private Uni<List<Conversation>> unanswered(Mutiny.Session session, QueueSetting queue, Instant now) {
        return session.createNativeQuery("select * from conversation where queue_code = :queue"
                + " and location_code = :location and status = 'assigned'"
                + " and greatest(assigned_at, clock_started_at) <= :since"
                + " order by greatest(assigned_at, clock_started_at) limit :limit for update skip locked",
                Conversation.class)
                .setParameter("queue", queue.queueCode())
                .setParameter("location", queue.locationCode())
                .setParameter("since", now.minus(Duration.ofMinutes(queue.returnAfterMinutes())))
                .setParameter("limit", BATCH)
                .getResultList();
    }
}
