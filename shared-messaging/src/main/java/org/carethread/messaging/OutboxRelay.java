package org.carethread.messaging;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Publishes outbox rows to Kafka in the order they were written, waits for the broker's acknowledgement
 * ({@code acks=all}), and only then deletes them. A crash between publish and delete republishes the same event id,
 * which every consumer recognises and skips.
 * <p>
 * It polls on a Vert.x timer rather than {@code @Scheduled}: Quarkus' scheduler ticks once a second, and each hop
 * of a patient's message passes through an outbox, so a second per hop would keep staff waiting.
 */
@ApplicationScoped
public class OutboxRelay {
    public static final String CHANNEL = "outbox";
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final Mutiny.SessionFactory sessions;
    private final MutinyEmitter<String> emitter;
    private final String source;
    private final Duration pollInterval;
    private final AtomicBoolean running = new AtomicBoolean();
    private Vertx vertx;
    private long timer;

    public OutboxRelay(Mutiny.SessionFactory sessions, @Channel(CHANNEL) MutinyEmitter<String> emitter,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            @ConfigProperty(name = "carethread.outbox.poll-interval", defaultValue = "PT0.1S") Duration pollInterval) {
        this.sessions = sessions;
        this.emitter = emitter;
        this.source = "/carethread/" + applicationName;
        this.pollInterval = pollInterval;
    }

    /** Starts polling once the application (and its Kafka channels) is up; a run never overlaps the previous one. */
    void start(@Observes StartupEvent started, Vertx vertx) {
        this.vertx = vertx;
        timer = vertx.setPeriodic(Duration.ofSeconds(1).toMillis(), pollInterval.toMillis(), tick -> {
            if (running.compareAndSet(false, true)) {
                // Hibernate Reactive needs a safe duplicated context, as Quarkus gives a request or a consumer.
                Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
                VertxContextSafetyToggle.setContextSafe(context, true);
                context.runOnContext(ignored -> relay().subscribe()
                        .with(done -> running.set(false), failure -> running.set(false)));
            }
        });
    }

    void stop(@Observes ShutdownEvent stopping) {
        vertx.cancelTimer(timer);
    }

    Uni<Void> relay() {
        return sessions.withTransaction(session -> session
                .createNativeQuery("select * from outbox_message order by seq limit " + BATCH + " for update skip locked",
                        OutboxMessage.class)
                .getResultList()
                .chain(batch -> batch.isEmpty() ? Uni.createFrom().voidItem() : publishAndRemove(session, batch)))
                .onFailure().invoke(e -> LOG.warnf("outbox relay will retry: %s", e.getClass().getSimpleName()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * Hands the rows to the producer in the order they were written and waits for all their acknowledgements at once:
     * a batch costs one round trip to the broker, not one per row. The idempotent producer keeps each partition's
     * order, so a patient's events still arrive as written; if any fails, nothing is deleted and all are sent again.
     */
    private Uni<Void> publishAndRemove(Mutiny.Session session, List<OutboxMessage> batch) {
        // Uni.join subscribes to the sends in the list's order, which is the order they reach the producer.
        return Uni.join().all(batch.stream().map(this::publish).toList()).andFailFast()
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
