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
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Pool;

/**
 * Publishes outbox rows to Kafka in the order they were written, waits for the broker's acknowledgement
 * ({@code acks=all}), and only then deletes them. A crash between publish and delete republishes the same event id,
 * which every consumer recognises and skips.
 * <p>
 * Each hop of a patient's message passes through an outbox, so the relay must not keep it waiting. {@link Outbox} says
 * {@code NOTIFY} in the transaction that writes a row, which PostgreSQL delivers only once that transaction has
 * committed; the relay LISTENs on a connection of its own and runs at once. It also polls on a Vert.x timer, as a
 * safety net for a notification lost while that connection was being re-opened.
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
    private final Pool pool;
    private final AtomicBoolean running = new AtomicBoolean();
    /** Rows were announced while a run was under way: it runs once more when done. */
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;
    private Vertx vertx;
    private long timer;

    public OutboxRelay(Mutiny.SessionFactory sessions, @Channel(CHANNEL) MutinyEmitter<String> emitter, Pool pool,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            @ConfigProperty(name = "carethread.outbox.poll-interval", defaultValue = "PT0.5S") Duration pollInterval) {
        this.sessions = sessions;
        this.emitter = emitter;
        this.pool = pool;
        this.source = "/carethread/" + applicationName;
        this.pollInterval = pollInterval;
    }

    /** Starts listening and polling once the application (and its Kafka channels) is up. */
    void start(@Observes StartupEvent started, Vertx vertx) {
        this.vertx = vertx;
        listen();
        timer = vertx.setPeriodic(Duration.ofSeconds(1).toMillis(), pollInterval.toMillis(), tick -> run());
    }

    void stop(@Observes ShutdownEvent stopping) {
        stopped = true;
        vertx.cancelTimer(timer);
    }

    /** Runs the relay now, unless a run is under way; then that run is followed by another. */
    private void run() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        // Hibernate Reactive needs a safe duplicated context, as Quarkus gives a request or a consumer.
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> relay().subscribe().with(done -> ran(), failure -> ran()));
    }

    private void ran() {
        running.set(false);
        if (again.getAndSet(false)) {
            run();
        }
    }

    /** Holds one pooled connection that LISTENs for {@link Outbox#NOTIFICATION_CHANNEL}; opened again if it closes. */
    private void listen() {
        pool.getConnection().onSuccess(connection -> {
            PgConnection listening = PgConnection.cast(connection);
            listening.notificationHandler(notification -> run());
            listening.query("LISTEN " + Outbox.NOTIFICATION_CHANNEL).execute()
                    .onSuccess(listeningNow -> {
                        listening.closeHandler(closed -> listenAgain());
                        // Rows written while nobody listened are found by this run, not left to the next poll.
                        run();
                    })
                    .onFailure(failure -> {
                        // Said once: a server that refuses LISTEN refuses it every time.
                        LOG.warnf("outbox relay cannot listen, it polls only: %s", failure.getClass().getSimpleName());
                        connection.close();
                    });
        }).onFailure(failure -> listenAgain());
    }

    private void listenAgain() {
        if (!stopped) {
            vertx.setTimer(Duration.ofSeconds(1).toMillis(), retry -> listen());
        }
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
