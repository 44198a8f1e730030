package org.carethread.conversation.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.mapping.ConversationEvents;
import org.carethread.conversation.repository.Conversation;
import org.carethread.conversation.repository.ConversationRepository;
import org.carethread.conversation.repository.Message;
import org.carethread.conversation.repository.MessageRepository;
import org.carethread.conversation.service.ConversationChangeLog.Before;
import org.carethread.messaging.InboundEvent;
import org.carethread.messaging.Outbox;
import org.carethread.schemas.Channels;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.schemas.events.RoutingDecided;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Puts a routed patient message into the patient's conversation at that location: the one in progress, else the
 * latest resolved one (reopened), else a new one.
 * Runs inside the consumer's transaction; the events announcing the change go through the outbox in it.
 */
@ApplicationScoped
public class RoutingDecisionHandler {
    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final Outbox outbox;
    private final PhiCipher cipher;
    private final ConversationMetrics metrics;
    private final ConversationChangeLog changeLog;

    public RoutingDecisionHandler(ConversationRepository conversations, MessageRepository messages, Outbox outbox,
            PhiCipher cipher, ConversationMetrics metrics, ConversationChangeLog changeLog) {
        this.conversations = conversations;
        this.messages = messages;
        this.outbox = outbox;
        this.cipher = cipher;
        this.metrics = metrics;
        this.changeLog = changeLog;
    }

    public Uni<Void> handle(Mutiny.Session session, RoutingDecided decision, InboundEvent event) {
        requireUsable(decision, event);
        // One patient message is one conversation message, even if routing decides on it twice.
        String sourceEventId = decision.messageEventId() != null ? decision.messageEventId() : event.id();
        return messages.existsForSourceEvent(session, sourceEventId)
                .chain(alreadyAdded -> alreadyAdded ? Uni.createFrom().voidItem()
                        : conversations.findCurrentForUpdate(session, decision.patientRef(), decision.locationCode())
                                .chain(current -> current != null ? Uni.createFrom().item(current)
                                        : conversations.findLatestResolvedForUpdate(session, decision.patientRef(),
                                                decision.locationCode()))
                                .chain(found -> found != null ? patientWrote(session, found) : open(session, decision))
                                .chain(conversation -> append(session, conversation, decision, sourceEventId)));
    }

    /**
     * The patient wrote again, so someone has to act: a resolved, snoozed or awaiting-patient conversation goes back
     * to its owner if it has one, otherwise to its queue.
     */
    private Uni<Conversation> patientWrote(Mutiny.Session session, Conversation conversation) {
        if (conversation.isOpen()) {
            return Uni.createFrom().item(conversation);
        }
        Before before = Before.of(conversation);
        conversation.reopen();
        return changeLog.record(session, conversation, before, ConversationChangeLog.PATIENT_MESSAGE,
                ChangeActor.PATIENT, null).replaceWith(conversation);
    }

    private Uni<Conversation> open(Mutiny.Session session, RoutingDecided decision) {
        Conversation conversation = new Conversation();
        conversation.id = UUID.randomUUID();
        conversation.locationCode = decision.locationCode();
        conversation.queueCode = decision.queue();
        conversation.channel = channelOf(decision);
        conversation.patientRef = decision.patientRef();
        conversation.sealedPatientAddress = decision.sealedFrom();
        conversation.practiceNumber = decision.practiceNumber();
        conversation.status = Conversation.UNASSIGNED;
        conversation.openedAt = Instant.now();
        conversation.lastMessageAt = conversation.openedAt;
        return session.persist(conversation)
                .chain(() -> outbox.add(session, Topics.CONVERSATION_EVENTS, EventTypes.CONVERSATION_OPENED,
                        conversation.patientRef, conversation.id.toString(), ConversationEvents.opened(conversation)))
                .invoke(metrics::conversationOpened)
                .replaceWith(conversation);
    }

    private Uni<Void> append(Mutiny.Session session, Conversation conversation, RoutingDecided decision,
            String sourceEventId) {
        Message message = new Message();
        message.id = UUID.randomUUID();
        message.conversationId = conversation.id;
        message.direction = Message.INBOUND;
        message.channel = channelOf(decision);
        // Stored exactly as routing sealed it: this service never needs the text in clear to keep it.
        message.sealedText = decision.sealedText();
        message.occurredAt = decision.receivedAt() != null ? decision.receivedAt() : Instant.now();
        message.sourceEventId = sourceEventId;
        conversation.touch(message.occurredAt);
        return session.persist(message)
                .chain(() -> outbox.add(session, Topics.CONVERSATION_EVENTS, EventTypes.CONVERSATION_MESSAGE_ADDED,
                        conversation.patientRef, conversation.id.toString(),
                        ConversationEvents.messageAdded(conversation, message)))
                .invoke(() -> {
                    metrics.messageAdded(Message.INBOUND);
                    metrics.inboundArrived(decision.receivedAt());
                });
    }

    /**
     * A decision without the fields a conversation needs, or with PHI that is not sealed under our keys, can never be
     * stored safely: fail it so it lands on the dead-letter topic for operators instead of being dropped.
     */
    private void requireUsable(RoutingDecided decision, InboundEvent event) {
        if (decision.patientRef() == null || decision.locationCode() == null || decision.queue() == null
                || decision.practiceNumber() == null || decision.sealedFrom() == null || decision.sealedText() == null) {
            throw new IllegalArgumentException("routing decision " + event.id() + " lacks a field a conversation needs");
        }
        cipher.open(decision.sealedFrom());
        cipher.open(decision.sealedText());
    }

    private static String channelOf(RoutingDecided decision) {
        return decision.channel() != null ? decision.channel() : Channels.SMS;
    }
}
