package org.carethread.notification.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.notification.repository.OutboundMessageRepository;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Retries queued messages whose next attempt is due: those the carrier could not take, and those whose first send
 * never happened because the service stopped right after recording them.
 */
@ApplicationScoped
public class RetrySweeper {
    private static final Logger LOG = Logger.getLogger(RetrySweeper.class);
    private static final int BATCH = 50;

    private final Mutiny.SessionFactory sessions;
    private final OutboundMessageRepository messages;
    private final OutboundDelivery delivery;

    public RetrySweeper(Mutiny.SessionFactory sessions, OutboundMessageRepository messages,
            OutboundDelivery delivery) {
        this.sessions = sessions;
        this.messages = messages;
        this.delivery = delivery;
    }

    @Scheduled(every = "${carethread.delivery.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return sessions.withSession(session -> messages.dueForRetry(session, Instant.now(), BATCH))
                .chain(this::retryInTurn)
                .onFailure().invoke(e -> LOG.warnf("retry sweep will run again: %s", e.getClass().getSimpleName()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> retryInTurn(List<String> due) {
        Uni<Void> inTurn = Uni.createFrom().voidItem();
        for (String outboundId : due) {
            inTurn = inTurn.chain(() -> delivery.retryIfDue(outboundId));
        }
        return inTurn;
    }
}
