package org.carethread.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.carethread.schemas.CloudEventHeaders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** CloudEvents in Kafka binary mode, as the peer services publish them. */
final class CloudEventRecords {
    private CloudEventRecords() {
    }

    static ProducerRecord<String, String> record(ObjectMapper json, String topic, String key, String id, String type,
            String source, String subject, Instant time, Object data) {
        try {
            return record(topic, key, id, type, source, subject, time, json.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ProducerRecord<String, String> record(String topic, String key, String id, String type, String source,
            String subject, Instant time, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, id);
        header(record, CloudEventHeaders.TYPE, type);
        header(record, CloudEventHeaders.SOURCE, source);
        header(record, CloudEventHeaders.TIME, time.toString());
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (subject != null) {
            header(record, CloudEventHeaders.SUBJECT, subject);
        }
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
