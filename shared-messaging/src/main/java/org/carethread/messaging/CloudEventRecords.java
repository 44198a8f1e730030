package org.carethread.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.carethread.schemas.CloudEventHeaders;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Builds the Kafka metadata of a CloudEvents 1.0 binary-mode record. */
public final class CloudEventRecords {
    private CloudEventRecords() {
    }

    public static OutgoingKafkaRecordMetadata<String> metadata(String topic, String key, String id, String type,
            String source, String subject, Instant time) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        add(headers, CloudEventHeaders.ID, id);
        add(headers, CloudEventHeaders.TYPE, type);
        add(headers, CloudEventHeaders.SOURCE, source);
        add(headers, CloudEventHeaders.TIME, time.toString());
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (subject != null) {
            add(headers, CloudEventHeaders.SUBJECT, subject);
        }
        return OutgoingKafkaRecordMetadata.<String>builder().withTopic(topic).withKey(key).withHeaders(headers).build();
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
