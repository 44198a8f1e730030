package org.carethread.conversation.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.repository.Conversation;
import org.carethread.conversation.repository.MessageRepository;
import org.carethread.messaging.Outbox;
import org.carethread.schemas.DeliveryStatus;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.ConversationDeliveryUpdated;
import org.carethread.schemas.events.OutboundStatus;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** Records how far a reply got. Statuses only move forward, so a late "submitted" never hides "delivered". */
@ApplicationScoped
public class DeliveryStatusHandler {
    private final MessageRepository messages;
    private final ConversationMetrics metrics;
    private final Outbox outbox;

    public DeliveryStatusHandler(MessageRepository messages, ConversationMetrics metrics, Outbox outbox) {
        this.messages = messages;
        this.metrics = metrics;
        this.outbox = outbox;
    }

    public Uni<Void> handle(Mutiny.Session session, OutboundStatus status) {
        if (status.outboundId() == null || status.status() == null) {
            throw new IllegalArgumentException("outbound status without outboundId or status");
        }
        UUID outboundId = UUID.fromString(status.outboundId());
        return messages.findForUpdate(session, outboundId).chain(reply -> {
            // Every outbound request comes from this service, so an unknown id is a defect to surface, not skip.
            if (reply == null || !reply.isOutbound()) {
                throw new IllegalStateException("outbound status for unknown reply " + outboundId);
            }
            if (status.providerMessageId() != null && reply.providerMessageId == null) {
                reply.providerMessageId = status.providerMessageId();
            }
            if (!status.status().isAfter(reply.deliveryStatus)) {
                return Uni.createFrom().voidItem();
            }
            reply.deliveryStatus = status.status();
            if (status.status() == DeliveryStatus.FAILED) {
                reply.failureReason = status.reason();
            }
            metrics.deliveryUpdated(status.status());
            // Announced with the change, so staff watching the conversation see it move (live updates).
            return session.find(Conversation.class, reply.conversationId)
                    .chain(conversation -> outbox.add(session, Topics.CONVERSATION_EVENTS,
                            EventTypes.CONVERSATION_DELIVERY_UPDATED, conversation.patientRef,
                            conversation.id.toString(), new ConversationDeliveryUpdated(conversation.id.toString(),
                                    reply.id.toString(), conversation.locationCode, conversation.patientRef,
                                    reply.deliveryStatus, Instant.now())));
        });
    }
}
