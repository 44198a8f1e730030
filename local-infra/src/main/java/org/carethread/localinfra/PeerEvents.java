package org.carethread.localinfra;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.carethread.schemas.CloudEventHeaders;

/**
 * CloudEvents in Kafka binary mode as a peer service publishes and reads them, so a test can stand in for the
 * service on the other side of a topic.
 */
public final class PeerEvents {
    private PeerEvents() {
    }

    /**
     * @param subject CloudEvents subject, or {@code null} for none
     * @param data    the event's JSON data
     */
    public static ProducerRecord<String, String> cloudEvent(String topic, String key, String id, String type,
            String source, String subject, Instant time, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
        add(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        add(record, CloudEventHeaders.ID, id);
        add(record, CloudEventHeaders.TYPE, type);
        add(record, CloudEventHeaders.SOURCE, source);
        add(record, CloudEventHeaders.TIME, time.toString());
        add(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (subject != null) {
            add(record, CloudEventHeaders.SUBJECT, subject);
        }
        return record;
    }

    /** A header of a record read from Kafka, as text; {@code null} when absent. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
