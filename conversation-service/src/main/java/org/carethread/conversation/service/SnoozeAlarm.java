package org.carethread.conversation.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.repository.Conversation;
import org.carethread.conversation.repository.ConversationRepository;
import org.carethread.conversation.service.ConversationChangeLog.Before;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Wakes snoozed conversations when their time comes: each goes back to the state it was snoozed from, recorded and
 * announced like any change. Works in batches so one slow run never holds many rows locked.
 */
@ApplicationScoped
public class SnoozeAlarm {
    private static final Logger LOG = Logger.getLogger(SnoozeAlarm.class);
    private static final int BATCH = 100;

    private final Mutiny.SessionFactory sessions;
    private final ConversationRepository conversations;
    private final ConversationChangeLog changeLog;

    public SnoozeAlarm(Mutiny.SessionFactory sessions, ConversationRepository conversations,
            ConversationChangeLog changeLog) {
        this.sessions = sessions;
        this.conversations = conversations;
        this.changeLog = changeLog;
    }

    @Scheduled(every = "${carethread.conversation.snooze-check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> wakeDue() {
        return sessions.withTransaction(session -> conversations.snoozeEndedForUpdate(session, Instant.now(), BATCH)
                .onItem().transformToMulti(due -> Multi.createFrom().iterable(due))
                .onItem().transformToUniAndConcatenate(conversation -> wake(session, conversation))
                .collect().asList()
                .replaceWithVoid())
                .onFailure().invoke(e -> LOG.errorf("waking snoozed conversations failed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> wake(Mutiny.Session session, Conversation conversation) {
        Before before = Before.of(conversation);
        conversation.wake();
        return changeLog.record(session, conversation, before, ConversationChangeLog.SNOOZE_ENDED, ChangeActor.SYSTEM,
                null);
    }
}
