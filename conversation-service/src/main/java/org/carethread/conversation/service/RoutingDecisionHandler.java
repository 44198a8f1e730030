package org.carethread.conversation.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.mapping.ConversationEvents;
import org.carethread.conversation.repository.Conversation;
import org.carethread.conversation.repository.ConversationRepository;
import org.carethread.conversation.repository.Message;
import org.carethread.conversation.repository.MessageAttachment;
import org.carethread.conversation.repository.MessageRepository;
import org.carethread.conversation.service.ConversationChangeLog.Before;
import org.carethread.messaging.InboundEvent;
import org.carethread.messaging.Outbox;
import org.carethread.schemas.Channels;
import org.carethread.schemas.DeliveryStatus;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.schemas.events.MessageReceived;
import org.carethread.schemas.events.RoutingDecided;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * Puts a routed patient message into the patient's conversation at that location: the one in progress, else the
 * latest resolved one (reopened), else a new one. Records routing's triage and decision on the conversation, sends
 * the automatic reply routing asked for, and applies an on-call alert about the message that arrived before it.
 * Runs inside the consumer's transaction; the events announcing the change and the send request go through the
 * outbox in it.
 */
@ApplicationScoped
public class RoutingDecisionHandler {
    private static final String EMERGENCY = "emergency";
    private static final Logger LOG = Logger.getLogger(RoutingDecisionHandler.class);
    private static final List<String> AUTO_REPLY_KINDS = List.of(Message.SAFETY, Message.AFTER_HOURS);
    /** An attachment a producer described without a type. */
    private static final String UNKNOWN_TYPE = "application/octet-stream";

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final Outbox outbox;
    private final PhiCipher cipher;
    private final ConversationMetrics metrics;
    private final ConversationChangeLog changeLog;
    private final OnCallAlertHandler alerts;
    private final SearchTerms terms;
    private final EmailReplies emailReplies;

    public RoutingDecisionHandler(ConversationRepository conversations, MessageRepository messages, Outbox outbox,
            PhiCipher cipher, ConversationMetrics metrics, ConversationChangeLog changeLog, OnCallAlertHandler alerts,
            SearchTerms terms, EmailReplies emailReplies) {
        this.conversations = conversations;
        this.messages = messages;
        this.outbox = outbox;
        this.cipher = cipher;
        this.metrics = metrics;
        this.changeLog = changeLog;
        this.alerts = alerts;
        this.terms = terms;
        this.emailReplies = emailReplies;
    }

    public Uni<Void> handle(Mutiny.Session session, RoutingDecided decision, InboundEvent event) {
        requireUsable(decision, event);
        // One patient message is one conversation message, even if routing decides on it twice; a decision that
        // repeats one already handled changes nothing, so its automatic reply is never sent twice either.
        String sourceEventId = decision.messageEventId() != null ? decision.messageEventId() : event.id();
        return messages.lockSourceEvent(session, sourceEventId)
                .chain(() -> messages.existsForSourceEvent(session, sourceEventId))
                .chain(alreadyAdded -> alreadyAdded ? Uni.createFrom().voidItem()
                        : place(session, decision, event, sourceEventId));
    }

    private Uni<Void> place(Mutiny.Session session, RoutingDecided decision, InboundEvent event,
            String sourceEventId) {
        return conversationOf(session, decision)
                .chain(found -> found != null ? patientWrote(session, found, decision) : open(session, decision))
                .chain(conversation -> append(session, conversation, decision, sourceEventId)
                        .chain(inbound -> autoReply(session, conversation, decision, event, inbound))
                        .chain(() -> alerts.applyWaiting(session, conversation, sourceEventId)));
    }

    /**
     * Where a patient message belongs: the conversation in progress with this address, else (for a sender matched to
     * a directory patient) the patient's conversation in progress on any channel, so SMS, e-mail and voicemail from one
     * patient land in one thread; else the latest resolved one, the same way round, to reopen; else none (a new one).
     * Replies keep going to the address the conversation began with. An e-mail that answers one of the
     * conversation's mails (In-Reply-To, References) joins that conversation first, whoever sent it.
     */
    private Uni<Conversation> conversationOf(Mutiny.Session session, RoutingDecided decision) {
        String location = decision.locationCode();
        String patientId = Conversation.MATCHED.equals(decision.identity()) ? decision.patientId() : null;
        List<String> thread = decision.threadRefs() == null ? List.of() : decision.threadRefs();
        return (thread.isEmpty() ? Uni.createFrom().<Conversation>nullItem()
                : conversations.findThreadForUpdate(session, thread, location))
                .chain(found -> found != null ? Uni.createFrom().item(found)
                        : conversations.findCurrentForUpdate(session, decision.patientRef(), location))
                .chain(found -> found != null || patientId == null ? Uni.createFrom().item(found)
                        : conversations.findCurrentOfPatientForUpdate(session, patientId, location))
                .chain(found -> found != null ? Uni.createFrom().item(found)
                        : conversations.findLatestResolvedForUpdate(session, decision.patientRef(), location))
                .chain(found -> found != null || patientId == null ? Uni.createFrom().item(found)
                        : conversations.findLatestResolvedOfPatientForUpdate(session, patientId, location));
    }

    /**
     * The patient wrote again, so someone has to act: a resolved, snoozed or awaiting-patient conversation goes back
     * to its owner if it has one, otherwise to its queue. It stays in the queue it is in even when routing names
     * another for this message: staff may have moved it there, and the owner working it should not lose it; the
     * decision's priority and direction make sure the right people see it. An emergency is the exception: it moves
     * to the clinical queue routing names, whoever owns it, because urgent symptoms never wait in a text queue.
     */
    private Uni<Conversation> patientWrote(Mutiny.Session session, Conversation conversation,
            RoutingDecided decision) {
        boolean inProgress = !conversation.isResolved();
        describe(conversation, decision, inProgress, conversation.isOpen());
        if (!inProgress) {
            // A new episode: the alert about an earlier, resolved one is history, not news.
            conversation.alertedAt = null;
            conversation.onCallStaff = null;
            conversation.startEpisode(receivedAt(decision));
        }
        boolean emergencyElsewhere = EMERGENCY.equals(decision.urgency())
                && !decision.queue().equals(conversation.queueCode);
        if (conversation.isOpen() && !emergencyElsewhere) {
            return Uni.createFrom().item(conversation);
        }
        Before before = Before.of(conversation);
        if (!conversation.isOpen()) {
            conversation.reopen();
        }
        if (emergencyElsewhere) {
            conversation.queueCode = decision.queue();
        }
        return changeLog.record(session, conversation, before,
                emergencyElsewhere ? ConversationChangeLog.EMERGENCY_ROUTED : ConversationChangeLog.PATIENT_MESSAGE,
                emergencyElsewhere ? ChangeActor.SYSTEM : ChangeActor.PATIENT, null).replaceWith(conversation);
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
        conversation.startEpisode(receivedAt(decision));
        describe(conversation, decision, false, false);
        return session.persist(conversation)
                .chain(() -> outbox.add(session, Topics.CONVERSATION_EVENTS, EventTypes.CONVERSATION_OPENED,
                        conversation.patientRef, conversation.id.toString(), ConversationEvents.opened(conversation)))
                .invoke(metrics::conversationOpened)
                .replaceWith(conversation);
    }

    /**
     * The latest decision describes the latest message, so its triage, rule and direction replace the earlier ones
     * (a decision from before triage existed leaves them empty). Two things outlast a message:
     * <ul>
     * <li>Priority never drops while the conversation is in progress (anything but resolved): an emergency earlier in
     * it is still being handled, and the patient's "thanks" after it must not sink it below routine work. A
     * resolved conversation starts afresh with the new message's priority.</li>
     * <li>The response clock keeps the earliest start while staff already have something to do (unassigned or
     * assigned): the patient has been waiting since then. Otherwise this message starts it.</li>
     * </ul>
     * Who the sender is changes only with a decision that says, and never to an older answer than a link staff made
     * since.
     */
    private static void describe(Conversation conversation, RoutingDecided decision, boolean inProgress,
            boolean waitingOnStaff) {
        Instant decidedAt = decision.decidedAt() != null ? decision.decidedAt() : Instant.now();
        conversation.routingReason = decision.reason();
        conversation.category = decision.category();
        conversation.urgency = decision.urgency();
        conversation.sealedTriageReasons = decision.sealedTriageReasons();
        conversation.ruleId = decision.ruleId();
        conversation.rulesVersion = decision.rulesVersion();
        conversation.directedTo = decision.directedTo();
        conversation.autoReplyKind = decision.autoReplyKind();
        if (decision.replyLanguage() != null) {
            conversation.replyLanguage = decision.replyLanguage();
        }
        String priority = Conversation.priorityOf(decision.priority());
        conversation.priority = inProgress ? Conversation.higherPriority(conversation.priority, priority) : priority;
        Instant clock = decision.clockStartsAt() != null ? decision.clockStartsAt() : decidedAt;
        if (!waitingOnStaff || conversation.clockStartedAt == null || clock.isBefore(conversation.clockStartedAt)) {
            conversation.clockStartedAt = clock;
        }
        if (decision.identity() != null
                && (conversation.identityAt == null || !decidedAt.isBefore(conversation.identityAt))) {
            conversation.identity = decision.identity();
            conversation.patientId = decision.patientId();
            conversation.sealedPatientGivenName = decision.sealedPatientGivenName();
            conversation.identityAt = decidedAt;
        }
    }

    private Uni<Message> append(Mutiny.Session session, Conversation conversation, RoutingDecided decision,
            String sourceEventId) {
        Message message = new Message();
        message.id = UUID.randomUUID();
        message.conversationId = conversation.id;
        message.direction = Message.INBOUND;
        message.channel = channelOf(decision);
        // Stored exactly as routing sealed it: this service never needs the text in clear to keep it.
        message.sealedText = decision.sealedText();
        message.sealedSubject = decision.sealedSubject();
        message.sealedEmailMessageId = decision.sealedMessageId();
        message.emailMessageRef = decision.messageRef();
        message.occurredAt = receivedAt(decision);
        message.sourceEventId = sourceEventId;
        conversation.touch(message.occurredAt);
        // Opened in memory only, for its search terms.
        return terms.persistWithTerms(session, message, cipher.open(decision.sealedText()))
                .chain(() -> attach(session, message, decision))
                .chain(() -> outbox.add(session, Topics.CONVERSATION_EVENTS, EventTypes.CONVERSATION_MESSAGE_ADDED,
                        conversation.patientRef, conversation.id.toString(),
                        ConversationEvents.messageAdded(conversation, message)))
                .invoke(() -> {
                    metrics.messageAdded(Message.INBOUND);
                    metrics.inboundArrived(decision.receivedAt());
                })
                .replaceWith(message);
    }

    /** What the message says was attached; the contents, when kept, arrive apart and are joined by media id. */
    private static Uni<Void> attach(Mutiny.Session session, Message message, RoutingDecided decision) {
        List<MessageReceived.Attachment> attached = attachmentsOf(decision);
        List<MessageAttachment> rows = new ArrayList<>();
        for (int place = 0; place < attached.size(); place++) {
            MessageReceived.Attachment attachment = attached.get(place);
            MessageAttachment row = new MessageAttachment();
            row.messageId = message.id;
            row.place = place;
            row.conversationId = message.conversationId;
            row.sealedFileName = attachment.sealedFileName();
            row.contentType = attachment.contentType() != null ? attachment.contentType() : UNKNOWN_TYPE;
            row.sizeBytes = attachment.sizeBytes() != null ? attachment.sizeBytes() : 0;
            row.mediaId = attachment.mediaId() == null ? null : UUID.fromString(attachment.mediaId());
            row.notKeptReason = attachment.mediaId() == null ? attachment.notKeptReason() : null;
            rows.add(row);
        }
        return rows.isEmpty() ? Uni.createFrom().voidItem() : session.persistAll(rows.toArray());
    }

    private static List<MessageReceived.Attachment> attachmentsOf(RoutingDecided decision) {
        return decision.attachments() == null ? List.of() : decision.attachments();
    }

    /**
     * The automatic reply routing asked for (safety: call 911 / 988; after-hours: when the practice will answer),
     * sent the way staff replies are: an outbound message in the conversation and a send request on the outbox, in
     * this transaction. It goes out whatever state the conversation was in, and leaves the conversation waiting for
     * staff: an automatic reply is not an answer. Its id, the send's idempotency key, is derived from the patient
     * message, so however often routing's decision arrives, the patient gets it once.
     */
    private Uni<Void> autoReply(Mutiny.Session session, Conversation conversation, RoutingDecided decision,
            InboundEvent event, Message inbound) {
        String kind = decision.autoReplyKind();
        if (kind == null) {
            return Uni.createFrom().voidItem();
        }
        if (!AUTO_REPLY_KINDS.contains(kind) || decision.sealedAutoReplyText() == null) {
            // Routing's defect; the patient's message still reaches staff, who answer it themselves.
            LOG.warnf("routing decision %s asks for an automatic reply without a known kind and a text: none sent",
                    event.id());
            return Uni.createFrom().voidItem();
        }
        String key = "auto-reply:" + kind + ":" + inbound.sourceEventId;
        Message reply = new Message();
        reply.id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
        reply.conversationId = conversation.id;
        reply.direction = Message.OUTBOUND;
        reply.channel = conversation.replyChannel();
        reply.sealedText = decision.sealedAutoReplyText();
        Instant now = Instant.now();
        // Shown after the message it answers, even if the carrier's clock runs ahead of ours.
        reply.occurredAt = now.isAfter(inbound.occurredAt) ? now : inbound.occurredAt.plusMillis(1);
        reply.deliveryStatus = DeliveryStatus.QUEUED;
        reply.sentByName = Message.AUTOMATIC_AUTHOR;
        reply.idempotencyKey = key;
        reply.autoReplyKind = kind;
        conversation.touch(reply.occurredAt);
        String subject = conversation.id.toString();
        return emailReplies.thread(session, conversation, reply)
                .chain(() -> terms.persistWithTerms(session, reply, cipher.open(decision.sealedAutoReplyText())))
                .chain(() -> outbox.add(session, Topics.OUTBOUND_REQUESTS, EventTypes.OUTBOUND_REQUESTED,
                        conversation.patientRef, subject, ConversationEvents.outboundRequested(conversation, reply)))
                .chain(() -> outbox.add(session, Topics.CONVERSATION_EVENTS, EventTypes.CONVERSATION_MESSAGE_ADDED,
                        conversation.patientRef, subject, ConversationEvents.messageAdded(conversation, reply)))
                .invoke(() -> {
                    metrics.autoReplyRequested(kind);
                    metrics.messageAdded(Message.OUTBOUND);
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
        if (decision.sealedTriageReasons() != null) {
            cipher.open(decision.sealedTriageReasons());
        }
        if (decision.sealedPatientGivenName() != null) {
            cipher.open(decision.sealedPatientGivenName());
        }
        if (decision.sealedAutoReplyText() != null) {
            cipher.open(decision.sealedAutoReplyText());
        }
        if (decision.sealedSubject() != null) {
            cipher.open(decision.sealedSubject());
        }
        if (decision.sealedMessageId() != null) {
            cipher.open(decision.sealedMessageId());
        }
        for (MessageReceived.Attachment attachment : attachmentsOf(decision)) {
            if (attachment.sealedFileName() != null) {
                cipher.open(attachment.sealedFileName());
            }
            if (attachment.mediaId() != null) {
                try {
                    UUID.fromString(attachment.mediaId());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("routing decision " + event.id()
                            + " names a file by an id that is not a UUID");
                }
            }
        }
    }

    private static Instant receivedAt(RoutingDecided decision) {
        return decision.receivedAt() != null ? decision.receivedAt() : Instant.now();
    }

    private static String channelOf(RoutingDecided decision) {
        return decision.channel() != null ? decision.channel() : Channels.SMS;
    }
}
