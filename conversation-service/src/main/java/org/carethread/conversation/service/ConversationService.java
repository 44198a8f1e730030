package org.carethread.conversation.service;

import org.carethread.schemas.staff.StaffMember;
import org.carethread.schemas.staff.StaffRoles;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.mapping.ConversationEvents;
import org.carethread.conversation.repository.Conversation;
import org.carethread.conversation.repository.ConversationRepository;
import org.carethread.conversation.repository.ConversationRepository.Summary;
import org.carethread.conversation.repository.Message;
import org.carethread.conversation.repository.MessageRepository;
import org.carethread.conversation.service.ConversationChangeLog.Before;
import org.carethread.messaging.Outbox;
import org.carethread.schemas.DeliveryStatus;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.crypto.PhiCipher;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * What staff do with conversations: list them, read one (an audited PHI access), reply (which leaves it awaiting the
 * patient). Every operation is limited to the staff member's locations; a conversation elsewhere is answered exactly
 * like one that does not exist.
 */
@ApplicationScoped
public class ConversationService {
    private final Mutiny.SessionFactory sessions;
    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final Outbox outbox;
    private final PhiCipher cipher;
    private final ConversationMetrics metrics;
    private final ConversationChangeLog changeLog;

    public ConversationService(Mutiny.SessionFactory sessions, ConversationRepository conversations,
            MessageRepository messages, Outbox outbox, PhiCipher cipher, ConversationMetrics metrics,
            ConversationChangeLog changeLog) {
        this.sessions = sessions;
        this.conversations = conversations;
        this.messages = messages;
        this.outbox = outbox;
        this.cipher = cipher;
        this.metrics = metrics;
        this.changeLog = changeLog;
    }

    /** A conversation as read by staff, with its messages oldest first. */
    public record ConversationRead(Conversation conversation, List<Message> messages) {
    }

    /** A reply and whether this request created it (false when an Idempotency-Key matched an earlier reply). */
    public record Reply(Message message, boolean created) {
    }

    /**
     * The inbox at the staff member's locations, critical first.
     *
     * @param statuses only these statuses; null for all
     * @param mine     only conversations the staff member owns
     * @param urgency  only this urgency of the latest message; null for all
     * @param category only this category of the latest message; null for all
     */
    public Uni<List<Summary>> list(StaffMember staff, List<String> statuses, boolean mine, String urgency,
            String category, int limit) {
        if (staff.locations().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> assignees = mine ? Stream.of(staff.username(), staff.id()).filter(Objects::nonNull).toList() : null;
        var filter = new ConversationRepository.Filter(statuses, assignees, urgency, category);
        return sessions.withSession(session -> conversations.listInLocations(session, staff.locations(), filter,
                limit));
    }

    /**
     * Reads a conversation and records the access on the audit topic in the same transaction: if the audit record
     * cannot be written, nothing is read.
     */
    public Uni<ConversationRead> read(StaffMember staff, UUID conversationId, String clientAddress) {
        return sessions.withTransaction(session -> visible(session, staff, conversationId, false)
                .chain(conversation -> messages.inConversation(session, conversation.id)
                        .call(() -> outbox.add(session, Topics.AUDIT_ACCESS, EventTypes.PHI_ACCESSED,
                                conversation.patientRef, conversation.id.toString(),
                                ConversationEvents.conversationRead(conversation, staff.id(),
                                        staff.roles().stream().filter(StaffRoles.ALL::contains).sorted().toList(),
                                        clientAddress, Instant.now())))
                        .map(list -> new ConversationRead(conversation, list))))
                .invoke(metrics::conversationRead);
    }

    /**
     * Queues a reply to the patient: the message, the send request and the conversation events are one transaction.
     * The conversation row is locked first, so two requests with the same idempotency key cannot both send.
     */
    public Uni<Reply> reply(StaffMember staff, UUID conversationId, String text, String idempotencyKey) {
        return sessions.withTransaction(session -> visible(session, staff, conversationId, true)
                .chain(conversation -> idempotencyKey == null ? newReply(session, staff, conversation, text, null)
                        : messages.replyWithKey(session, conversation.id, idempotencyKey)
                                .chain(earlier -> earlier != null ? Uni.createFrom().item(new Reply(earlier, false))
                                        : newReply(session, staff, conversation, text, idempotencyKey))))
                .invoke(reply -> {
                    if (reply.created()) {
                        metrics.replyRequested();
                        metrics.messageAdded(Message.OUTBOUND);
                    }
                });
    }

    /** Where a reply stands; carries no PHI, so it is not an audited read. */
    public Uni<Message> replyStatus(StaffMember staff, UUID conversationId, UUID replyId) {
        return sessions.withSession(session -> visible(session, staff, conversationId, false)
                .chain(conversation -> messages.inConversation(session, conversation.id, replyId))
                .invoke(reply -> {
                    if (reply == null || !reply.isOutbound()) {
                        throw new ReplyNotFoundException();
                    }
                }));
    }

    private Uni<Reply> newReply(Mutiny.Session session, StaffMember staff, Conversation conversation, String text,
            String idempotencyKey) {
        if (conversation.isResolved()) {
            return Uni.createFrom().failure(new ConversationResolvedException());
        }
        Message reply = new Message();
        reply.id = UUID.randomUUID();
        reply.conversationId = conversation.id;
        reply.direction = Message.OUTBOUND;
        reply.channel = conversation.channel;
        reply.sealedText = cipher.seal(text);
        reply.occurredAt = Instant.now();
        reply.deliveryStatus = DeliveryStatus.QUEUED;
        reply.sentBy = staff.id();
        reply.sentByName = staff.username();
        reply.idempotencyKey = idempotencyKey;
        conversation.touch(reply.occurredAt);
        String subject = conversation.id.toString();
        return session.persist(reply)
                .chain(() -> outbox.add(session, Topics.OUTBOUND_REQUESTS, EventTypes.OUTBOUND_REQUESTED,
                        conversation.patientRef, subject, ConversationEvents.outboundRequested(conversation, reply)))
                .chain(() -> outbox.add(session, Topics.CONVERSATION_EVENTS, EventTypes.CONVERSATION_REPLIED,
                        conversation.patientRef, subject, ConversationEvents.replied(conversation, reply)))
                .chain(() -> outbox.add(session, Topics.CONVERSATION_EVENTS, EventTypes.CONVERSATION_MESSAGE_ADDED,
                        conversation.patientRef, subject, ConversationEvents.messageAdded(conversation, reply)))
                .chain(() -> awaitPatient(session, staff, conversation))
                .replaceWith(new Reply(reply, true));
    }

    /** Once staff have answered, the next move is the patient's; a snoozed conversation stays snoozed. */
    private Uni<Void> awaitPatient(Mutiny.Session session, StaffMember staff, Conversation conversation) {
        if (!conversation.isOpen()) {
            return Uni.createFrom().voidItem();
        }
        Before before = Before.of(conversation);
        conversation.awaitPatient();
        return changeLog.record(session, conversation, before, ConversationChangeLog.REPLY, ChangeActor.of(staff),
                null);
    }

    /** The conversation if the staff member may see it, optionally locked for a change; otherwise not found. */
    Uni<Conversation> visible(Mutiny.Session session, StaffMember staff, UUID conversationId,
            boolean forUpdate) {
        if (staff.locations().isEmpty()) {
            return Uni.createFrom().failure(new ConversationNotFoundException());
        }
        return conversations.findInLocations(session, conversationId, staff.locations(), forUpdate)
                .onItem().ifNull().failWith(ConversationNotFoundException::new);
    }
}
