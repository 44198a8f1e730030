package org.carethread.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Publishes outbox rows to Kafka in the order they were written, waits for the broker's acknowledgement
 * ({@code acks=all}), and only then deletes them. A crash between publish and delete republishes the same event id,
 * which every consumer recognises and skips.
 */
@ApplicationScoped
public class OutboxRelay {
    public static final String CHANNEL = "outbox";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final Mutiny.SessionFactory sessions;
    private final MutinyEmitter<String> emitter;
    private final String source;

    public OutboxRelay(Mutiny.SessionFactory sessions, @Channel(CHANNEL) MutinyEmitter<String> emitter,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.sessions = sessions;
        this.emitter = emitter;
        this.source = "/carethread/" + applicationName;
    }

    @Scheduled(every = "${carethread.outbox.poll-interval:0.1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return sessions.withTransaction(session -> session
                .createNativeQuery("select * from outbox_message order by seq limit " + BATCH + " for update skip locked",
                        OutboxMessage.class)
                .getResultList()
                .chain(batch -> batch.isEmpty() ? Uni.createFrom().voidItem() : publishAndRemove(session, batch)))
                .onFailure().invoke(e -> LOG.warnf("outbox relay will retry: %s", e.getClass().getSimpleName()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> publishAndRemove(Mutiny.Session session, List<OutboxMessage> batch) {
        Uni<Void> inOrder = Uni.createFrom().voidItem();
        for (OutboxMessage row : batch) {
            inOrder = inOrder.chain(() -> publish(row));
        }
        return inOrder
                .chain(() -> session.createMutationQuery("delete from OutboxMessage where seq in :seqs")
                        .setParameter("seqs", batch.stream().map(m -> m.seq).toList())
                        .executeUpdate())
                .replaceWithVoid();
    }

    private Uni<Void> publish(OutboxMessage row) {
        return emitter.sendMessage(Message.of(row.payload).addMetadata(CloudEventRecords.metadata(row.topic,
                row.messageKey, row.eventId, row.eventType, source, row.subject, row.occurredAt)));
    }
}
