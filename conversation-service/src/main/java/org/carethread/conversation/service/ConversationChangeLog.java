package org.carethread.conversation.service;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.mapping.ConversationEvents;
import org.carethread.conversation.repository.Conversation;
import org.carethread.conversation.repository.ConversationChange;
import org.carethread.messaging.Outbox;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.crypto.PhiCipher;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Writes a change of a conversation into its history and announces it on {@code conversation.events}, both in the
 * caller's transaction: an owner change as assigned, a lifecycle move as status-changed, an escalation as escalated.
 * The reason goes only into the history, sealed; events never carry it.
 */
@ApplicationScoped
public class ConversationChangeLog {
    public static final String CLAIM = "claim";
    public static final String ASSIGN = "assign";
    public static final String HANDOFF = "handoff";
    public static final String ESCALATE = "escalate";
    public static final String SNOOZE = "snooze";
    public static final String RESOLVE = "resolve";
    public static final String REOPEN = "reopen";
    public static final String REPLY = "reply";
    public static final String PATIENT_MESSAGE = "patient-message";
    public static final String SNOOZE_ENDED = "snooze-ended";
    public static final String ON_CALL_ALERTED = "on-call-alerted";
    public static final String PATIENT_LINKED = "patient-linked";
    public static final String PATIENT_UNLINKED = "patient-unlinked";
    public static final String EMERGENCY_ROUTED = "emergency-routed";
    public static final String NOTE = "note";
    public static final String REPLY_SCHEDULED = "reply-scheduled";
    public static final String SCHEDULED_REPLY_CANCELLED = "scheduled-reply-cancelled";
    public static final String AUTO_ASSIGN = "auto-assign";
    public static final String RETURNED = "returned";

    private final Outbox outbox;
    private final PhiCipher cipher;
    private final ServiceTimes serviceTimes;

    public ConversationChangeLog(Outbox outbox, PhiCipher cipher, ServiceTimes serviceTimes) {
        this.outbox = outbox;
        this.cipher = cipher;
        this.serviceTimes = serviceTimes;
    }

    /** The parts of a conversation a change is compared against, taken before the change. */
    public record Before(String status, String assignee, String queue, String escalation) {
        public static Before of(Conversation conversation) {
            return new Before(conversation.status, conversation.assignee, conversation.queueCode,
                    conversation.escalation);
        }
    }

    public Uni<Void> record(Mutiny.Session session, Conversation conversation, Before before, String action,
            ChangeActor actor, String reason) {
        Instant at = Instant.now();
        ConversationChange change = new ConversationChange();
        change.id = UUID.randomUUID();
        change.conversationId = conversation.id;
        change.changedAt = at;
        change.actorId = actor.id();
        change.actorName = actor.name();
        change.action = action;
        change.status = conversation.status;
        change.assignee = conversation.assignee;
        change.queueCode = conversation.queueCode;
        change.outcome = conversation.outcome;
        change.escalation = conversation.escalation;
        change.snoozedUntil = conversation.snoozedUntil;
        change.sealedReason = reason == null ? null : cipher.seal(reason);

        String subject = conversation.id.toString();
        Uni<Void> chain = session.persist(change)
                .chain(() -> serviceTimes.changed(session, conversation, before, action, actor, at));
        if (!Objects.equals(before.assignee(), conversation.assignee) || !before.queue().equals(conversation.queueCode)) {
            chain = chain.chain(() -> outbox.add(session, Topics.CONVERSATION_EVENTS, EventTypes.CONVERSATION_ASSIGNED,
                    conversation.patientRef, subject,
                    ConversationEvents.assigned(conversation, before.assignee(), action, actor.id(), at)));
        }
        if (!before.status().equals(conversation.status) || RESOLVE.equals(action) || SNOOZE.equals(action)) {
            chain = chain.chain(() -> outbox.add(session, Topics.CONVERSATION_EVENTS,
                    EventTypes.CONVERSATION_STATUS_CHANGED, conversation.patientRef, subject,
                    ConversationEvents.statusChanged(conversation, before.status(), action, actor.id(), at)));
        }
        if (ESCALATE.equals(action)) {
            chain = chain.chain(() -> outbox.add(session, Topics.CONVERSATION_EVENTS, EventTypes.CONVERSATION_ESCALATED,
                    conversation.patientRef, subject, ConversationEvents.escalated(conversation, actor.id(), at)));
        }
        return chain;
    }
}
