package org.carethread.conversation.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.repository.Conversation;
import org.carethread.conversation.repository.ScheduledReply;
import org.carethread.conversation.repository.ScheduledReplyRepository;
import org.carethread.conversation.service.ConversationChangeLog.Before;
import org.carethread.conversation.service.ConversationService.Composed;
import org.carethread.conversation.service.ConversationService.ReplyDraft;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.schemas.staff.StaffMember;
import org.hibernate.LockMode;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Replies written now to go out later ("we will text you the results tomorrow morning"). The words are checked and a
 * template filled when the reply is scheduled; when its time comes it is sent like any reply, by its author. Until
 * then it can be cancelled.
 */
@ApplicationScoped
public class ScheduledReplies {
    private static final Logger LOG = Logger.getLogger(ScheduledReplies.class);
    private static final int BATCH = 50;

    private final Mutiny.SessionFactory sessions;
    private final ConversationService conversations;
    private final ScheduledReplyRepository scheduled;
    private final ConversationChangeLog changeLog;
    private final PhiCipher cipher;

    public ScheduledReplies(Mutiny.SessionFactory sessions, ConversationService conversations,
            ScheduledReplyRepository scheduled, ConversationChangeLog changeLog, PhiCipher cipher) {
        this.sessions = sessions;
        this.conversations = conversations;
        this.scheduled = scheduled;
        this.changeLog = changeLog;
        this.cipher = cipher;
    }

    public Uni<ScheduledReply> schedule(StaffMember staff, UUID conversationId, ReplyDraft draft, Instant sendAt,
            Long expectedVersion) {
        return sessions.withTransaction(session -> conversations.visible(session, staff, conversationId, true)
                .chain(conversation -> conversations.compose(session, staff, conversation, draft, expectedVersion)
                        .chain(composed -> {
                            ScheduledReply reply = new ScheduledReply();
                            reply.id = UUID.randomUUID();
                            reply.conversationId = conversation.id;
                            reply.sealedText = cipher.seal(composed.text());
                            reply.sendAt = sendAt;
                            reply.status = ScheduledReply.SCHEDULED;
                            reply.createdBy = staff.id();
                            reply.createdByName = staff.name();
                            reply.createdAt = Instant.now();
                            reply.templateId = composed.templateId();
                            reply.templateVersion = composed.templateVersion();
                            return session.persist(reply)
                                    .chain(() -> changeLog.record(session, conversation, Before.of(conversation),
                                            ConversationChangeLog.REPLY_SCHEDULED, ChangeActor.of(staff), null))
                                    .replaceWith(reply);
                        })));
    }

    /** Cancels a reply still waiting; one already sent (or cancelled) is refused. */
    public Uni<ScheduledReply> cancel(StaffMember staff, UUID conversationId, UUID scheduledReplyId) {
        return sessions.withTransaction(session -> conversations.visible(session, staff, conversationId, true)
                .chain(conversation -> scheduled.findForUpdate(session, conversation.id, scheduledReplyId)
                        .chain(reply -> {
                            if (reply == null) {
                                throw AnswerRefusedException.scheduledReplyNotFound();
                            }
                            if (!reply.isScheduled()) {
                                throw AnswerRefusedException.alreadySent();
                            }
                            reply.status = ScheduledReply.CANCELLED;
                            reply.cancelledBy = staff.name();
                            reply.cancelledAt = Instant.now();
                            return changeLog.record(session, conversation, Before.of(conversation),
                                    ConversationChangeLog.SCHEDULED_REPLY_CANCELLED, ChangeActor.of(staff), null)
                                    .replaceWith(reply);
                        })));
    }

    @Scheduled(every = "${carethread.conversation.scheduled-send-check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sendDue() {
        return sessions.withSession(session -> scheduled.due(session, Instant.now(), BATCH))
                .onItem().transformToMulti(ids -> Multi.createFrom().iterable(ids))
                .onItem().transformToUniAndConcatenate(this::sendOne)
                .collect().asList()
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.errorf("sending scheduled replies failed: %s", e.getClass().getName()))
                .onFailure().recoverWithNull();
    }

    /**
     * One scheduled reply in its own transaction. The conversation is locked before the reply, as every staff action
     * does, and the reply is checked again: a cancel that won the race leaves nothing to send.
     */
    private Uni<Void> sendOne(UUID id) {
        return sessions.withTransaction(session -> session.find(ScheduledReply.class, id)
                .chain(peek -> peek == null ? Uni.createFrom().voidItem()
                        : session.find(Conversation.class, peek.conversationId, LockMode.PESSIMISTIC_WRITE)
                                .chain(conversation -> session.refresh(peek, LockMode.PESSIMISTIC_WRITE)
                                        .chain(() -> {
                                            if (!peek.isScheduled()) {
                                                return Uni.createFrom().voidItem();
                                            }
                                            Composed composed = new Composed(cipher.open(peek.sealedText),
                                                    peek.templateId, peek.templateVersion);
                                            return conversations.send(session,
                                                    new ChangeActor(peek.createdBy, peek.createdByName), conversation,
                                                    composed, "scheduled:" + peek.id)
                                                    .invoke(message -> {
                                                        peek.status = ScheduledReply.SENT;
                                                        peek.messageId = message.id;
                                                    })
                                                    .replaceWithVoid();
                                        }))));
    }
}
