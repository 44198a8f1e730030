package org.carethread.routing.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.messaging.Inbox;
import org.carethread.routing.repository.RoutingDecision;
import org.carethread.routing.service.RoutingHandler;
import org.carethread.routing.service.RoutingMetrics;
import org.carethread.routing.service.UnroutableMessageException;
import org.carethread.schemas.events.MessageReceived;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/** Reads patient messages from {@code inbound.messages} and has each one routed exactly once. */
@ApplicationScoped
public class InboundMessageConsumer {
    public static final String CHANNEL = "inbound-messages";
    public static final String CONSUMER = "routing-service";

    private final Inbox inbox;
    private final RoutingHandler handler;
    private final RoutingMetrics metrics;
    private final ObjectMapper json;

    public InboundMessageConsumer(Inbox inbox, RoutingHandler handler, RoutingMetrics metrics, ObjectMapper json) {
        this.inbox = inbox;
        this.handler = handler;
        this.metrics = metrics;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> record) {
        Delivery delivery = new Delivery();
        return inbox.settle(record, CONSUMER, event -> inbox.once(CONSUMER, event, session -> {
            MessageReceived message = event.dataAs(json, MessageReceived.class);
            return handler.handle(session, message, event)
                    .invoke(decision -> delivery.routed(decision, message.receivedAt()))
                    .replaceWithVoid();
        })
                .invoke(delivery::committed)
                .onFailure(UnroutableMessageException.class).invoke(delivery::unroutable));
    }

    /**
     * What one delivery of a record led to. The inbox retries a failing attempt and a redelivered event does nothing,
     * so metrics are counted here: a decision once its transaction committed, an unroutable message once per delivery.
     */
    private final class Delivery {
        private RoutingDecision decided;
        private Instant receivedAt;
        private boolean unroutableCounted;

        void routed(RoutingDecision decision, Instant messageReceivedAt) {
            decided = decision;
            receivedAt = messageReceivedAt;
        }

        void committed() {
            if (decided != null) {
                metrics.routed(decided, receivedAt);
                decided = null;
            }
        }

        void unroutable() {
            if (!unroutableCounted) {
                unroutableCounted = true;
                metrics.unroutable();
            }
        }
    }
}
