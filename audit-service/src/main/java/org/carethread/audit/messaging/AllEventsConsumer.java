package org.carethread.audit.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.audit.service.EventRecorder;
import org.carethread.messaging.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/** Reads every CareThread topic through one channel and records each event exactly once. */
@ApplicationScoped
public class AllEventsConsumer {
    public static final String CHANNEL = "all-events";
    public static final String CONSUMER = "audit-service";

    private final Inbox inbox;
    private final EventRecorder recorder;

    public AllEventsConsumer(Inbox inbox, EventRecorder recorder) {
        this.inbox = inbox;
        this.recorder = recorder;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> record) {
        String topic = record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic)
                .orElse(null);
        return inbox.settle(record, CONSUMER,
                event -> inbox.once(CONSUMER, event, session -> recorder.record(session, topic, event)));
    }
}
