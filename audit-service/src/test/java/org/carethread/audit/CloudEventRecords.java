package org.carethread.audit;

import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.carethread.localinfra.PeerEvents;

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
        return PeerEvents.cloudEvent(topic, key, id, type, source, subject, time, data);
    }
}
