package org.carethread.conversation.mapping;

import java.time.Instant;

import org.carethread.conversation.repository.Conversation;
import org.carethread.conversation.repository.Message;
import org.carethread.schemas.events.ConversationAssigned;
import org.carethread.schemas.events.ConversationEscalated;
import org.carethread.schemas.events.ConversationMessageAdded;
import org.carethread.schemas.events.ConversationOpened;
import org.carethread.schemas.events.ConversationReplied;
import org.carethread.schemas.events.ConversationStatusChanged;
import org.carethread.schemas.events.ConversationTargetFlagged;
import org.carethread.schemas.events.OutboundRequested;
import org.carethread.schemas.events.PhiAccessed;
import org.carethread.schemas.staff.StaffMember;
import org.carethread.schemas.staff.StaffRoles;

/** Builds the event payloads this service publishes from its entities. PHI leaves only as it is stored: sealed. */
public final class ConversationEvents {
    public static final String ACTION_CONVERSATION_READ = "conversation.read";
    /** A search showed the conversation in its results; one that found none is recorded without a conversation. */
    public static final String ACTION_CONVERSATION_SEARCH = "conversation.search";
    /** A file a patient sent, downloaded (or played) by staff. */
    public static final String ACTION_ATTACHMENT_DOWNLOADED = "attachment.downloaded";
    /** The thumbnail of a photo a patient sent, seen by staff. */
    public static final String ACTION_ATTACHMENT_THUMBNAIL_VIEWED = "attachment.thumbnail-viewed";
    /** Who requested an automatic reply: no staff member did. */
    public static final String AUTOMATIC_REQUESTER = "system";

    private ConversationEvents() {
    }

    public static ConversationOpened opened(Conversation conversation) {
        return new ConversationOpened(conversation.id.toString(), conversation.locationCode, conversation.queueCode,
                conversation.channel, conversation.patientRef, conversation.openedAt);
    }

    public static ConversationMessageAdded messageAdded(Conversation conversation, Message message) {
        return new ConversationMessageAdded(conversation.id.toString(), message.id.toString(), message.direction,
                message.channel, conversation.locationCode, conversation.patientRef, message.occurredAt);
    }

    public static ConversationReplied replied(Conversation conversation, Message reply) {
        return new ConversationReplied(conversation.id.toString(), reply.id.toString(), reply.sentBy,
                conversation.locationCode, conversation.patientRef, reply.occurredAt);
    }

    public static ConversationAssigned assigned(Conversation conversation, String previousAssignee, String action,
            String staffUserId, Instant at) {
        return new ConversationAssigned(conversation.id.toString(), conversation.locationCode, conversation.patientRef,
                conversation.queueCode, conversation.assignee, previousAssignee, action, staffUserId, at);
    }

    public static ConversationStatusChanged statusChanged(Conversation conversation, String previousStatus,
            String cause, String staffUserId, Instant at) {
        return new ConversationStatusChanged(conversation.id.toString(), conversation.locationCode,
                conversation.patientRef, conversation.status, previousStatus, cause, conversation.outcome,
                conversation.snoozedUntil, staffUserId, at);
    }

    public static ConversationEscalated escalated(Conversation conversation, String staffUserId, Instant at) {
        return new ConversationEscalated(conversation.id.toString(), conversation.locationCode,
                conversation.patientRef, conversation.escalation, staffUserId, at);
    }

    public static ConversationTargetFlagged targetFlagged(Conversation conversation, String flag, Instant dueAt,
            Instant at) {
        return new ConversationTargetFlagged(conversation.id.toString(), conversation.locationCode,
                conversation.patientRef, conversation.queueCode, conversation.priority, conversation.assignee, flag,
                conversation.clockStartedAt, dueAt, at);
    }

    /**
     * The send request; the reply's id is its idempotency key, so a redelivered request never texts twice. An
     * automatic reply is requested by {@value #AUTOMATIC_REQUESTER}. An e-mail reply's References is the one
     * Message-ID it answers: the patient's earlier References are kept only as blind indexes.
     */
    public static OutboundRequested outboundRequested(Conversation conversation, Message reply) {
        return new OutboundRequested(reply.id.toString(), conversation.id.toString(), reply.channel,
                conversation.patientRef, conversation.sealedPatientAddress, conversation.practiceNumber,
                reply.sealedText, reply.sentBy != null ? reply.sentBy : AUTOMATIC_REQUESTER, reply.occurredAt,
                reply.sealedSubject, reply.sealedEmailInReplyTo, reply.sealedEmailInReplyTo);
    }

    /** @param conversation what was seen; null for an access that concerns no conversation, such as a fruitless search */
    public static PhiAccessed access(Conversation conversation, String action, StaffMember staff,
            String clientAddress, String sealedPurpose, Instant at) {
        return conversation == null
                ? new PhiAccessed(staff.id(), StaffRoles.of(staff), action, null, null, null, clientAddress, null, at,
                        staff.username())
                : new PhiAccessed(staff.id(), StaffRoles.of(staff), action, conversation.id.toString(),
                        conversation.patientRef, conversation.locationCode, clientAddress, sealedPurpose, at,
                        staff.username());
    }
}
