package org.carethread.notification.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.notification.repository.OutboundMessageRepository;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Wakes the queue of every practice number with a queued message whose next attempt is due: those the carrier could
 * not take, and those whose first send never happened because the service stopped after recording them (or because
 * another instance that was working through the queue stopped). Also counts what waits for its number's turn.
 */
@ApplicationScoped
public class RetrySweeper {
    private static final Logger LOG = Logger.getLogger(RetrySweeper.class);

    private final Mutiny.SessionFactory sessions;
    private final OutboundMessageRepository messages;
    private final SenderQueues queues;
    private final DeliveryMetrics metrics;

    public RetrySweeper(Mutiny.SessionFactory sessions, OutboundMessageRepository messages, SenderQueues queues,
            DeliveryMetrics metrics) {
        this.sessions = sessions;
        this.messages = messages;
        this.queues = queues;
        this.metrics = metrics;
    }

    @Scheduled(every = "${carethread.delivery.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        Instant now = Instant.now();
        return sessions.withSession(session -> messages.sendersWithDueMessages(session, now)
                        .invoke(numbers -> numbers.forEach(queues::wake))
                        .chain(() -> messages.readyPerSender(session, now))
                        .invoke(metrics::waitingForTurn))
                .onFailure().invoke(e -> LOG.warnf("retry sweep will run again: %s", e.getClass().getSimpleName()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
