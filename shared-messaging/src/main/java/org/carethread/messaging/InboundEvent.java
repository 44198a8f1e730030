package org.carethread.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.carethread.schemas.CloudEventHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/** A CloudEvent read from Kafka (binary mode): attributes from the headers, JSON data from the value. */
public record InboundEvent(String id, String type, String source, String subject, Instant time, String key, String data) {

    public static InboundEvent of(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("not a Kafka record"));
        Headers headers = kafka.getHeaders();
        String id = header(headers, CloudEventHeaders.ID);
        String type = header(headers, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new IllegalArgumentException("record on " + kafka.getTopic() + " at offset " + kafka.getOffset()
                    + " is not a CloudEvent (no ce_id or ce_type)");
        }
        String time = header(headers, CloudEventHeaders.TIME);
        return new InboundEvent(id, type, header(headers, CloudEventHeaders.SOURCE),
                header(headers, CloudEventHeaders.SUBJECT), time == null ? null : Instant.parse(time),
                kafka.getKey() == null ? null : kafka.getKey().toString(), message.getPayload());
    }

    public <T> T dataAs(ObjectMapper json, Class<T> type) {
        try {
            return json.readValue(data, type);
        } catch (Exception e) {
            // The payload may hold sealed PHI: name the event, never echo its data.
            throw new IllegalArgumentException("event " + id + " of type " + this.type + " has unreadable data");
        }
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
