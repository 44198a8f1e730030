package org.carethread.conversation.service;

import org.carethread.schemas.staff.StaffMember;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.config.ConversationConfig;
import org.carethread.conversation.mapping.ConversationEvents;
import org.carethread.conversation.repository.Conversation;
import org.carethread.conversation.repository.ConversationNote;
import org.carethread.conversation.repository.BreakGlassRepository;
import org.carethread.conversation.repository.ConversationRepository;
import org.carethread.conversation.repository.ConversationRepository.Summary;
import org.carethread.conversation.repository.MediaFile;
import org.carethread.conversation.repository.MediaRepository;
import org.carethread.conversation.repository.Message;
import org.carethread.conversation.repository.MessageAttachment;
import org.carethread.conversation.repository.MessageRepository;
import org.carethread.conversation.repository.NoteRepository;
import org.carethread.conversation.repository.ScheduledReply;
import org.carethread.conversation.repository.ScheduledReplyRepository;
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
    private final ReplyTemplates templates;
    private final ConversationConfig config;
    private final NoteRepository notes;
    private final ScheduledReplyRepository scheduled;
    private final SearchTerms terms;
    private final EmailReplies emailReplies;
    private final BreakGlassRepository breakGlass;
    private final MediaRepository media;

    public ConversationService(Mutiny.SessionFactory sessions, ConversationRepository conversations,
            MessageRepository messages, Outbox outbox, PhiCipher cipher, ConversationMetrics metrics,
            ConversationChangeLog changeLog, ReplyTemplates templates, ConversationConfig config, NoteRepository notes,
            ScheduledReplyRepository scheduled, SearchTerms terms, EmailReplies emailReplies,
            BreakGlassRepository breakGlass, MediaRepository media) {
        this.sessions = sessions;
        this.conversations = conversations;
        this.messages = messages;
        this.outbox = outbox;
        this.cipher = cipher;
        this.metrics = metrics;
        this.changeLog = changeLog;
        this.templates = templates;
        this.config = config;
        this.notes = notes;
        this.scheduled = scheduled;
        this.terms = terms;
        this.emailReplies = emailReplies;
        this.breakGlass = breakGlass;
        this.media = media;
    }

    /**
     * A conversation as read by staff: its messages and notes oldest first, its replies still to go out, and what
     * the messages say was attached with the files that arrived for them, by media id.
     */
    public record ConversationRead(Conversation conversation, List<Message> messages, List<ConversationNote> notes,
            List<ScheduledReply> scheduledReplies, List<MessageAttachment> attachments, Map<UUID, MediaFile> files) {
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
     * @param queue    only this queue; null for all
     */
    public Uni<List<Summary>> list(StaffMember staff, List<String> statuses, boolean mine, boolean aging,
            String urgency, String category, String queue, int limit) {
        if (staff.locations().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> assignees = mine ? Stream.of(staff.username(), staff.id()).filter(Objects::nonNull).toList() : null;
        var filter = ConversationRepository.Filter.inbox(statuses, assignees, aging, urgency, category, queue);
        return sessions.withSession(session -> conversations.scopeOf(session, staff)
                .chain(scope -> conversations.listInScope(session, scope, filter, limit, 0)));
    }

    /** The queues the staff member may see at their locations, with what waits in each. No PHI: not audited. */
    public Uni<List<ConversationRepository.QueueLoad>> queues(StaffMember staff) {
        if (staff.locations().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return sessions.withSession(session -> conversations.scopeOf(session, staff)
                .chain(scope -> conversations.queueLoads(session, scope)));
    }

    /**
     * Reads a conversation and records the access on the audit topic in the same transaction: if the audit record
     * cannot be written, nothing is read.
     */
    public Uni<ConversationRead> read(StaffMember staff, UUID conversationId, String clientAddress) {
        return sessions.withTransaction(session -> visible(session, staff, conversationId, false)
                .chain(conversation -> messages.inConversation(session, conversation.id)
                        .chain(list -> notes.inConversation(session, conversation.id)
                                .chain(noteList -> scheduled.pendingIn(session, conversation.id)
                                        .chain(pending -> attachments(session, conversation.id)
                                                .map(attached -> new ConversationRead(conversation, list, noteList,
                                                        pending, attached.attachments(), attached.files())))))
                        .call(() -> recordAccess(session, staff, conversation, ConversationEvents.ACTION_CONVERSATION_READ,
                                clientAddress))))
                .invoke(metrics::conversationRead);
    }

    private record Attached(List<MessageAttachment> attachments, Map<UUID, MediaFile> files) {
    }

    private Uni<Attached> attachments(Mutiny.Session session, UUID conversationId) {
        return media.attachmentsIn(session, conversationId)
                .chain(attachments -> media.files(session, attachments.stream().map(a -> a.mediaId)
                        .filter(Objects::nonNull).distinct().toList())
                        .map(files -> new Attached(attachments, files.stream()
                                .collect(Collectors.toMap(file -> file.mediaId, file -> file)))));
    }

    /**
     * Records on the audit topic, in the caller's transaction, that the staff member saw the conversation's PHI.
     * Keyed by the patient, so one patient's accesses stay in order.
     */
    Uni<Void> recordAccess(Mutiny.Session session, StaffMember staff, Conversation conversation, String action,
            String clientAddress) {
        // A conversation outside the reader's scope is open to them only through break-glass: its reason (sealed)
        // goes with every read, so the audit says why.
        return breakGlass.activeReason(session, staff.id(), conversation.id, Instant.now())
                .chain(sealedPurpose -> record(session, staff, conversation, action, clientAddress, sealedPurpose));
    }

    /**
     * Records an access to what the staff member found within their own scope (a search's hits), which no
     * break-glass grant opened; with no conversation (a search that found none), that they looked.
     */
    Uni<Void> recordScopedAccess(Mutiny.Session session, StaffMember staff, Conversation conversation, String action,
            String clientAddress) {
        return record(session, staff, conversation, action, clientAddress, null);
    }

    private Uni<Void> record(Mutiny.Session session, StaffMember staff, Conversation conversation, String action,
            String clientAddress, String sealedPurpose) {
        return outbox.add(session, Topics.AUDIT_ACCESS, EventTypes.PHI_ACCESSED,
                conversation == null ? null : conversation.patientRef,
                conversation == null ? null : conversation.id.toString(), ConversationEvents.access(conversation,
                        action, staff, clientAddress, sealedPurpose, Instant.now()));
    }

    /**
     * What a staff member wants to say: their own words, or a template filled in for this conversation.
     *
     * @param templateId     the template to answer with; null when {@code text} is the reply
     * @param values         the values the staff member entered for the template's entered variables
     * @param staffFirstName the staff member's first name, for {{staff_first_name}}
     */
    public record ReplyDraft(String text, UUID templateId, Map<String, String> values, String staffFirstName) {
    }

    /** The words to send, and the template version they came from, if any. */
    record Composed(String text, UUID templateId, Integer templateVersion) {
    }

    /**
     * Queues a reply to the patient: the message, the send request and the conversation events are one transaction.
     * The conversation row is locked first, so two requests with the same idempotency key cannot both send, and two
     * staff answering the version they saw ({@code expectedVersion}) cannot both send: the second is refused.
     */
    public Uni<Reply> reply(StaffMember staff, UUID conversationId, ReplyDraft draft, String idempotencyKey,
            Long expectedVersion) {
        return sessions.withTransaction(session -> visible(session, staff, conversationId, true)
                // A retry of a reply that went through finds it before the version check: its own reply moved it on.
                .chain(conversation -> (idempotencyKey == null ? Uni.createFrom().<Message>nullItem()
                        : messages.replyWithKey(session, conversation.id, idempotencyKey))
                        .chain(earlier -> earlier != null ? Uni.createFrom().item(new Reply(earlier, false))
                                : compose(session, staff, conversation, draft, expectedVersion)
                                        .chain(composed -> send(session, ChangeActor.of(staff), conversation,
                                                composed, idempotencyKey))
                                        .map(message -> new Reply(message, true)))))
                .invoke(reply -> {
                    if (reply.created()) {
                        metrics.replyRequested();
                        metrics.messageAdded(Message.OUTBOUND);
                    }
                });
    }

    /**
     * The words of a reply about to be sent or scheduled, in the caller's session with the conversation locked: refused
     * if the conversation changed since the staff member saw it, is resolved, or a template variable has no value.
     */
    Uni<Composed> compose(Mutiny.Session session, StaffMember staff, Conversation conversation, ReplyDraft draft,
            Long expectedVersion) {
        if (expectedVersion != null && !expectedVersion.equals(conversation.version)) {
            return Uni.createFrom().failure(new ConversationChangedException(conversation.version));
        }
        if (conversation.isResolved()) {
            return Uni.createFrom().failure(new ConversationResolvedException());
        }
        if (draft.templateId() == null) {
            return Uni.createFrom().item(new Composed(draft.text(), null, null));
        }
        return templates.fill(session, draft.templateId(), conversation, draft.staffFirstName(), draft.values())
                .chain(filled -> {
                    if (!filled.rendered().complete()) {
                        throw AnswerRefusedException.valuesMissing(filled.rendered().missing());
                    }
                    if (filled.rendered().text().length() > config.replyMaxLength()) {
                        throw AnswerRefusedException.templateInvalid("Filled in, the template has "
                                + filled.rendered().text().length() + " characters; at most "
                                + config.replyMaxLength() + " fit in a reply.");
                    }
                    return templates.used(session, filled.template().id, Instant.now())
                            .replaceWith(new Composed(filled.rendered().text(), filled.template().id,
                                    filled.template().version));
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

    /**
     * Adds the reply and asks for it to be sent, in the caller's transaction. A reply the author scheduled earlier goes
     * out even if the conversation was resolved meanwhile; it then stays resolved.
     */
    Uni<Message> send(Mutiny.Session session, ChangeActor author, Conversation conversation, Composed composed,
            String idempotencyKey) {
        Message reply = new Message();
        reply.id = UUID.randomUUID();
        reply.conversationId = conversation.id;
        reply.direction = Message.OUTBOUND;
        reply.channel = conversation.replyChannel();
        reply.sealedText = cipher.seal(composed.text());
        reply.occurredAt = Instant.now();
        reply.deliveryStatus = DeliveryStatus.QUEUED;
        reply.sentBy = author.id();
        reply.sentByName = author.name();
        reply.idempotencyKey = idempotencyKey;
        reply.templateId = composed.templateId();
        reply.templateVersion = composed.templateVersion();
        conversation.touch(reply.occurredAt);
        String subject = conversation.id.toString();
        return emailReplies.thread(session, conversation, reply)
                .chain(() -> terms.persistWithTerms(session, reply, composed.text()))
                .chain(() -> outbox.add(session, Topics.OUTBOUND_REQUESTS, EventTypes.OUTBOUND_REQUESTED,
                        conversation.patientRef, subject, ConversationEvents.outboundRequested(conversation, reply)))
                .chain(() -> outbox.add(session, Topics.CONVERSATION_EVENTS, EventTypes.CONVERSATION_REPLIED,
                        conversation.patientRef, subject, ConversationEvents.replied(conversation, reply)))
                .chain(() -> outbox.add(session, Topics.CONVERSATION_EVENTS, EventTypes.CONVERSATION_MESSAGE_ADDED,
                        conversation.patientRef, subject, ConversationEvents.messageAdded(conversation, reply)))
                .chain(() -> awaitPatient(session, author, conversation))
                .replaceWith(reply);
    }

    /** Once staff have answered, the next move is the patient's; a snoozed conversation stays snoozed. */
    private Uni<Void> awaitPatient(Mutiny.Session session, ChangeActor author, Conversation conversation) {
        if (!conversation.isOpen()) {
            return Uni.createFrom().voidItem();
        }
        Before before = Before.of(conversation);
        conversation.awaitPatient();
        return changeLog.record(session, conversation, before, ConversationChangeLog.REPLY, author, null);
    }

    /**
     * The conversation if the staff member may see it, optionally locked for a change; otherwise not found. Outside
     * their scope they may read (never change) a conversation while a break-glass grant of theirs is in force.
     */
    Uni<Conversation> visible(Mutiny.Session session, StaffMember staff, UUID conversationId,
            boolean forUpdate) {
        Uni<Conversation> inScope = staff.locations().isEmpty() ? Uni.createFrom().nullItem()
                : conversations.scopeOf(session, staff).chain(scope -> conversations.findInScope(session,
                        conversationId, scope, forUpdate));
        return inScope
                .chain(found -> found != null || forUpdate ? Uni.createFrom().item(found)
                        : breakGlass.activeReason(session, staff.id(), conversationId, Instant.now())
                                .chain(reason -> reason == null ? Uni.createFrom().nullItem()
                                        : session.find(Conversation.class, conversationId)))
                .onItem().ifNull().failWith(ConversationNotFoundException::new);
    }
}
