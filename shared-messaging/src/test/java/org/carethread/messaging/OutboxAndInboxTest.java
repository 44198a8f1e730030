package org.carethread.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.KafkaBroker;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "messaging"))
class OutboxAndInboxTest {
    private static final String TOPIC = "messaging.outbox-test";

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    Outbox outbox;
    @Inject
    Inbox inbox;

    @Test
    void aCommittedEventIsPublishedAsACloudEventWithItsKey() {
        String subject = UUID.randomUUID().toString();
        onVertx(() -> sessions.withTransaction(s -> outbox.add(s, TOPIC, "carethread.test.v1", "patient-ref-1",
                subject, Map.of("n", 1))));

        ConsumerRecord<String, String> record = awaitRecordWithSubject(subject);
        assertEquals("patient-ref-1", record.key());
        assertEquals("carethread.test.v1", header(record, "ce_type"));
        assertEquals("/carethread/messaging-test", header(record, "ce_source"));
        assertEquals("1.0", header(record, "ce_specversion"));
        assertTrue(Instant.parse(header(record, "ce_time")).isBefore(Instant.now().plusSeconds(1)));
        assertEquals("{\"n\":1}", record.value());
    }

    @Test
    void aBatchOfOnePatientsEventsArrivesInTheOrderWrittenEachOnce() {
        String key = "patient-ref-" + UUID.randomUUID();
        List<String> written = IntStream.range(0, 60).mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        // One transaction: the relay finds them all in one batch and hands them to the producer together.
        onVertx(() -> sessions.withTransaction(s -> {
            Uni<Void> adding = Uni.createFrom().voidItem();
            for (String subject : written) {
                adding = adding.chain(() -> outbox.add(s, TOPIC, "carethread.test.v1", key, subject, Map.of()));
            }
            return adding;
        }));

        List<String> arrived = await().atMost(Duration.ofSeconds(20)).until(
                () -> KafkaBroker.shared().readAll(TOPIC, Duration.ofMillis(500)).stream()
                        .filter(r -> key.equals(r.key())).map(r -> header(r, "ce_subject")).toList(),
                subjects -> subjects.size() >= written.size());
        assertEquals(written, arrived);
    }

    @Test
    void anEventWhoseTransactionRolledBackIsNeverPublished() {
        String rolledBack = UUID.randomUUID().toString();
        String committed = UUID.randomUUID().toString();
        assertThrows(IllegalStateException.class, () -> onVertx(() -> sessions.withTransaction(s -> outbox
                .add(s, TOPIC, "carethread.test.v1", "k", rolledBack, Map.of())
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("business rule"))))));
        // A later event proves the relay has run past the point where the rolled-back one would have been.
        onVertx(() -> sessions.withTransaction(s -> outbox.add(s, TOPIC, "carethread.test.v1", "k", committed, Map.of())));

        awaitRecordWithSubject(committed);
        List<String> subjects = KafkaBroker.shared().readAll(TOPIC, Duration.ofSeconds(1)).stream()
                .map(r -> header(r, "ce_subject")).toList();
        assertFalse(subjects.contains(rolledBack), "a rolled-back event reached Kafka");
    }

    @Test
    void theEffectRunsOncePerConsumerAndEventId() {
        AtomicInteger effects = new AtomicInteger();
        InboundEvent event = event();
        onVertx(() -> inbox.once("consumer-a", event, s -> count(effects)));
        onVertx(() -> inbox.once("consumer-a", event, s -> count(effects)));
        assertEquals(1, effects.get());
        onVertx(() -> inbox.once("consumer-b", event, s -> count(effects)));
        assertEquals(2, effects.get());
    }

    @Test
    void aFailedEffectLeavesNoTraceSoTheRedeliveryRunsIt() {
        AtomicInteger effects = new AtomicInteger();
        InboundEvent event = event();
        assertThrows(IllegalStateException.class, () -> onVertx(() -> inbox.once("consumer-a", event,
                s -> Uni.createFrom().failure(new IllegalStateException("database hiccup")))));
        onVertx(() -> inbox.once("consumer-a", event, s -> count(effects)));
        assertEquals(1, effects.get());
    }

    private static InboundEvent event() {
        return new InboundEvent(UUID.randomUUID().toString(), "carethread.test.v1", "/test", null, Instant.now(), "k", "{}");
    }

    private static Uni<Void> count(AtomicInteger effects) {
        effects.incrementAndGet();
        return Uni.createFrom().voidItem();
    }

    /** Hibernate Reactive runs on a Vert.x context; tests call it from JUnit's thread through this. */
    private static <T> T onVertx(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e);
        }
    }

    private static ConsumerRecord<String, String> awaitRecordWithSubject(String subject) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> KafkaBroker.shared().readAll(TOPIC, Duration.ofMillis(500)).stream()
                        .filter(r -> subject.equals(header(r, "ce_subject"))).findFirst().orElse(null),
                r -> r != null);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
