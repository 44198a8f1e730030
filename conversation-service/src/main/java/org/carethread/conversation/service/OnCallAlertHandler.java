package org.carethread.conversation.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.repository.Conversation;
import org.carethread.conversation.repository.ConversationRepository;
import org.carethread.conversation.repository.MessageRepository;
import org.carethread.conversation.repository.StaffAlert;
import org.carethread.conversation.repository.StaffAlertRepository;
import org.carethread.conversation.service.ConversationChangeLog.Before;
import org.carethread.messaging.InboundEvent;
import org.carethread.schemas.events.OnCallAlerted;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Marks the conversation an emergency message joined as alerted to the on-call staff member, with an entry in its
 * history. The alert and the routing decision on the same message travel on different topics, so the alert may come
 * first: then it is kept and applied when the decision adds the message. Runs inside the consumer's transaction.
 */
@ApplicationScoped
public class OnCallAlertHandler {
    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final StaffAlertRepository alerts;
    private final ConversationChangeLog changeLog;

    public OnCallAlertHandler(ConversationRepository conversations, MessageRepository messages,
            StaffAlertRepository alerts, ConversationChangeLog changeLog) {
        this.conversations = conversations;
        this.messages = messages;
        this.alerts = alerts;
        this.changeLog = changeLog;
    }

    public Uni<Void> handle(Mutiny.Session session, OnCallAlerted alert, InboundEvent event) {
        requireUsable(alert, event);
        // Taken by the decision on this message too: either the message is in its conversation now, or the decision
        // adding it will see this alert waiting.
        return messages.lockSourceEvent(session, alert.messageEventId())
                .chain(() -> alerts.find(session, alert.alertId()))
                .chain(known -> known != null ? Uni.createFrom().voidItem() : record(session, alert));
    }

    /** Applies the alerts that arrived before this patient message joined the conversation. */
    public Uni<Void> applyWaiting(Mutiny.Session session, Conversation conversation, String messageEventId) {
        return alerts.waitingFor(session, messageEventId).chain(waiting -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (StaffAlert alert : waiting) {
                if (alert.locationCode.equals(conversation.locationCode)) {
                    chain = chain.chain(() -> apply(session, conversation, alert));
                }
            }
            return chain;
        });
    }

    private Uni<Void> record(Mutiny.Session session, OnCallAlerted alert) {
        StaffAlert row = new StaffAlert();
        row.alertId = alert.alertId();
        row.messageEventId = alert.messageEventId();
        row.patientRef = alert.patientRef();
        row.locationCode = alert.locationCode();
        row.queueCode = alert.queue();
        row.onCallStaff = alert.onCallStaff();
        row.safetyRuleId = alert.safetyRuleId();
        row.alertedAt = alert.alertedAt();
        return session.persist(row)
                .chain(() -> conversations.findWithMessageForUpdate(session, alert.messageEventId(),
                        alert.locationCode()))
                .chain(conversation -> conversation == null ? Uni.createFrom().voidItem()
                        : apply(session, conversation, row));
    }

    /** The latest alert is the one shown; every alert goes into the history. */
    private Uni<Void> apply(Mutiny.Session session, Conversation conversation, StaffAlert alert) {
        alert.conversationId = conversation.id;
        Before before = Before.of(conversation);
        if (conversation.alertedAt == null || !alert.alertedAt.isBefore(conversation.alertedAt)) {
            conversation.alertedAt = alert.alertedAt;
            conversation.onCallStaff = alert.onCallStaff;
        }
        return changeLog.record(session, conversation, before, ConversationChangeLog.ON_CALL_ALERTED,
                ChangeActor.SYSTEM, describe(alert));
    }

    static String describe(StaffAlert alert) {
        if (alert.onCallStaff == null) {
            return "Nobody on call: queue " + alert.queueCode + " alerted (rule " + alert.safetyRuleId + ")";
        }
        return "On-call " + alert.onCallStaff + " alerted (rule " + alert.safetyRuleId + ")";
    }

    /** An alert that cannot be tied to a patient message is a defect to surface on the dead-letter topic. */
    private static void requireUsable(OnCallAlerted alert, InboundEvent event) {
        require(alert.alertId(), "alertId", event);
        require(alert.messageEventId(), "messageEventId", event);
        require(alert.patientRef(), "patientRef", event);
        require(alert.locationCode(), "locationCode", event);
        require(alert.safetyRuleId(), "safetyRuleId", event);
        if (alert.alertedAt() == null) {
            throw new IllegalArgumentException("on-call alert " + event.id() + " lacks alertedAt");
        }
    }

    private static void require(String value, String field, InboundEvent event) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("on-call alert " + event.id() + " lacks " + field);
        }
    }
}
