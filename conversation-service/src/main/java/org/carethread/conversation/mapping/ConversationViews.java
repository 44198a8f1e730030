package org.carethread.conversation.mapping;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.repository.Conversation;
import org.carethread.conversation.repository.ConversationChange;
import org.carethread.conversation.repository.ConversationRepository.Summary;
import org.carethread.conversation.repository.Message;
import org.carethread.conversation.repository.Outcome;
import org.carethread.conversation.rest.ChangeView;
import org.carethread.conversation.rest.ConversationDetail;
import org.carethread.conversation.rest.ConversationSummary;
import org.carethread.conversation.rest.MessageView;
import org.carethread.conversation.rest.OutcomeView;
import org.carethread.conversation.rest.PatientView;
import org.carethread.conversation.rest.ReplyStatus;
import org.carethread.schemas.crypto.PhiCipher;

/** Turns stored conversations into what staff see, opening sealed PHI only where the view shows it. */
@ApplicationScoped
public class ConversationViews {
    private static final String MASK = "••••";

    private final PhiCipher cipher;

    public ConversationViews(PhiCipher cipher) {
        this.cipher = cipher;
    }

    public ConversationSummary summary(Summary summary) {
        Conversation conversation = summary.conversation();
        return new ConversationSummary(conversation.id.toString(), conversation.locationCode, conversation.queueCode,
                conversation.channel, conversation.status, conversation.assignee, conversation.outcome,
                conversation.snoozedUntil, conversation.escalation, conversation.version,
                new PatientView(mask(cipher.open(conversation.sealedPatientAddress))), conversation.lastMessageAt,
                summary.messageCount());
    }

    public ConversationDetail detail(Conversation conversation, List<Message> messages) {
        return new ConversationDetail(conversation.id.toString(), conversation.locationCode, conversation.queueCode,
                conversation.channel, conversation.status, conversation.assignee, conversation.outcome,
                conversation.snoozedUntil, conversation.escalation, conversation.version, conversation.openedAt,
                conversation.lastMessageAt, new PatientView(cipher.open(conversation.sealedPatientAddress)),
                messages.stream().map(this::message).toList());
    }

    public ChangeView change(ConversationChange change) {
        return new ChangeView(change.changedAt, change.actorId, change.actorName, change.action, change.status,
                change.assignee, change.queueCode, change.outcome, change.escalation, change.snoozedUntil,
                change.sealedReason == null ? null : cipher.open(change.sealedReason));
    }

    public OutcomeView outcome(Outcome outcome) {
        return new OutcomeView(outcome.code, outcome.label);
    }

    public ReplyStatus replyStatus(Message reply) {
        return new ReplyStatus(reply.id.toString(), reply.conversationId.toString(), reply.deliveryStatus,
                reply.failureReason, reply.occurredAt);
    }

    private MessageView message(Message message) {
        return new MessageView(message.id.toString(), message.direction, message.channel,
                cipher.open(message.sealedText), message.occurredAt, message.deliveryStatus, message.failureReason,
                message.sentBy, message.sentByName);
    }

    /** Enough for staff to tell patients apart in a list: the last four digits, or the first letter and the domain. */
    static String mask(String address) {
        if (address == null) {
            return null;
        }
        int at = address.indexOf('@');
        if (at > 0) {
            return address.charAt(0) + MASK + address.substring(at);
        }
        String digits = address.replaceAll("\\D", "");
        return digits.length() <= 4 ? MASK : MASK + " " + digits.substring(digits.length() - 4);
    }
}
