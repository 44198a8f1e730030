package org.carethread.conversation.messaging;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.rest.LiveUpdate;
import org.carethread.conversation.service.ConversationMetrics;
import org.carethread.conversation.service.LiveUpdates;
import org.carethread.messaging.InboundEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Follows {@code conversation.events} in a consumer group of this instance alone (every instance hears every change,
 * from the newest on) and announces each change to the staff watching live. The events are written in the transaction
 * of the change, so a staff member who reads the conversation on hearing of it sees the change.
 */
@ApplicationScoped
public class LiveUpdateConsumer {
    public static final String CHANNEL = "live-updates";
    private static final Logger LOG = Logger.getLogger(LiveUpdateConsumer.class);
    private static final String TYPE_PREFIX = "carethread.conversation.";

    private final LiveUpdates live;
    private final ObjectMapper json;
    private final ConversationMetrics metrics;

    public LiveUpdateConsumer(LiveUpdates live, ObjectMapper json, ConversationMetrics metrics) {
        this.live = live;
        this.json = json;
        this.metrics = metrics;
    }

    @Incoming(CHANNEL)
    public CompletionStage<Void> consume(Message<String> record) {
        try {
            InboundEvent event = InboundEvent.of(record);
            JsonNode data = json.readTree(event.data());
            String type = event.type() == null ? "" : event.type();
            if (type.startsWith(TYPE_PREFIX) && data.hasNonNull("conversationId") && data.hasNonNull("locationCode")) {
                // carethread.conversation.message-added.v1 → message-added
                String change = type.substring(TYPE_PREFIX.length()).replaceFirst("\\.v\\d+$", "");
                live.announce(new LiveUpdate(change, data.get("conversationId").asText(),
                        data.get("locationCode").asText(), event.time() != null ? event.time() : Instant.now()));
                metrics.liveUpdate();
            }
        } catch (Exception unreadable) {
            // A live update is a hint to refresh; one that cannot be read is skipped, never retried.
            LOG.warnf("skipped an unreadable conversation event for live updates: %s", unreadable.getClass().getName());
        }
        return record.ack();
    }
}
