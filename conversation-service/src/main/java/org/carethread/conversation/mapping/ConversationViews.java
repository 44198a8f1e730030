package org.carethread.conversation.mapping;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.repository.Conversation;
import org.carethread.conversation.repository.ConversationNote;
import org.carethread.conversation.repository.ConversationChange;
import org.carethread.conversation.repository.ConversationRepository.Summary;
import org.carethread.conversation.repository.MediaFile;
import org.carethread.conversation.repository.Message;
import org.carethread.conversation.repository.MessageAttachment;
import org.carethread.conversation.repository.Outcome;
import org.carethread.conversation.repository.ReplyTemplate;
import org.carethread.conversation.repository.ReplyTemplateVersion;
import org.carethread.conversation.repository.ScheduledReply;
import org.carethread.conversation.repository.StaffMention;
import org.carethread.conversation.rest.AttachmentView;
import org.carethread.conversation.rest.ChangeView;
import org.carethread.conversation.rest.ConversationDetail;
import org.carethread.conversation.rest.ConversationSummary;
import org.carethread.conversation.rest.MentionView;
import org.carethread.conversation.rest.MessageView;
import org.carethread.conversation.rest.NoteView;
import org.carethread.conversation.rest.OutcomeView;
import org.carethread.conversation.rest.PatientView;
import org.carethread.conversation.rest.ReplyStatus;
import org.carethread.conversation.rest.RoutingView;
import org.carethread.conversation.rest.ScheduledReplyView;
import org.carethread.conversation.rest.TemplateVersionView;
import org.carethread.conversation.rest.TemplateView;
import org.carethread.conversation.service.ConversationNotes;
import org.carethread.conversation.service.ConversationService.ConversationRead;
import org.carethread.conversation.service.TemplateText;
import org.carethread.schemas.crypto.PhiCipher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns stored conversations into what staff see, opening sealed PHI only where the view shows it. */
@ApplicationScoped
public class ConversationViews {
    private static final String MASK = "••••";

    private static final TypeReference<List<String>> REASONS = new TypeReference<>() {
    };

    private final PhiCipher cipher;
    private final ObjectMapper json;

    public ConversationViews(PhiCipher cipher, ObjectMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    public ConversationSummary summary(Summary summary) {
        Conversation conversation = summary.conversation();
        return new ConversationSummary(conversation.id.toString(), conversation.locationCode, conversation.queueCode,
                conversation.channel, conversation.status, conversation.assignee, conversation.outcome,
                conversation.snoozedUntil, conversation.escalation, conversation.version,
                new PatientView(mask(cipher.open(conversation.sealedPatientAddress))), conversation.lastMessageAt,
                summary.messageCount(), conversation.category, conversation.urgency, priority(conversation),
                conversation.identity, conversation.patientId, conversation.directedTo, conversation.clockStartedAt,
                conversation.alertedAt, conversation.onCallStaff, conversation.responseDueAt, conversation.targetFlag);
    }

    public ConversationDetail detail(ConversationRead read) {
        Conversation conversation = read.conversation();
        return new ConversationDetail(conversation.id.toString(), conversation.locationCode, conversation.queueCode,
                conversation.channel, conversation.status, conversation.assignee, conversation.outcome,
                conversation.snoozedUntil, conversation.escalation, conversation.version, conversation.openedAt,
                conversation.lastMessageAt, new PatientView(cipher.open(conversation.sealedPatientAddress)),
                messages(read), conversation.category, conversation.urgency,
                priority(conversation), conversation.identity, conversation.patientId, conversation.directedTo,
                conversation.clockStartedAt, conversation.alertedAt, conversation.onCallStaff, routing(conversation),
                read.notes().stream().map(this::note).toList(),
                read.scheduledReplies().stream().map(reply -> scheduledReply(reply, true)).toList(),
                conversation.responseDueAt, conversation.targetFlag);
    }

    public NoteView note(ConversationNote note) {
        String text = cipher.open(note.sealedText);
        return new NoteView(note.id.toString(), note.authorId, note.authorName, text,
                ConversationNotes.mentionsIn(text), note.createdAt);
    }

    /** @param withText whether to open the words: only the audited conversation read shows them */
    public ScheduledReplyView scheduledReply(ScheduledReply reply, boolean withText) {
        return new ScheduledReplyView(reply.id.toString(), reply.conversationId.toString(),
                withText ? cipher.open(reply.sealedText) : null, reply.sendAt, reply.status, reply.createdByName,
                reply.templateId == null ? null : reply.templateId.toString(), reply.templateVersion,
                reply.messageId == null ? null : reply.messageId.toString(), reply.cancelledBy, reply.cancelledAt);
    }

    public TemplateView template(ReplyTemplate template) {
        return new TemplateView(template.id.toString(), template.name, template.category, template.body,
                List.copyOf(TemplateText.variablesIn(template.body)), template.version, template.active,
                template.usageCount, template.lastUsedAt, template.updatedAt, template.updatedBy);
    }

    public TemplateVersionView templateVersion(ReplyTemplateVersion version) {
        return new TemplateVersionView(version.version, version.name, version.category, version.body,
                version.changedAt, version.changedBy);
    }

    public MentionView mention(StaffMention mention) {
        return new MentionView(mention.id.toString(), mention.conversationId.toString(), mention.noteId.toString(),
                mention.locationCode, mention.mentionedBy, mention.createdAt, mention.seenAt);
    }

    /** Why it is here, with the triage reasons opened: only the audited detail read shows them. */
    private RoutingView routing(Conversation conversation) {
        return new RoutingView(conversation.routingReason, conversation.ruleId, conversation.rulesVersion,
                conversation.category, conversation.urgency, priority(conversation),
                triageReasons(conversation.sealedTriageReasons), conversation.directedTo, conversation.identity,
                conversation.autoReplyKind, conversation.replyLanguage);
    }

    /** Routing sends a JSON array of sentences; anything else is shown as it is rather than hidden. */
    private List<String> triageReasons(String sealed) {
        if (sealed == null) {
            return List.of();
        }
        String opened = cipher.open(sealed);
        try {
            return json.readValue(opened, REASONS);
        } catch (JsonProcessingException | IllegalArgumentException notAList) {
            return List.of(opened);
        }
    }

    private static String priority(Conversation conversation) {
        return Conversation.priorityOf(conversation.priority);
    }

    public ChangeView change(ConversationChange change) {
        return new ChangeView(change.changedAt, change.actorId, change.actorName, change.action, change.status,
                change.assignee, change.queueCode, change.outcome, change.escalation, change.snoozedUntil,
                change.sealedReason == null ? null : cipher.open(change.sealedReason));
    }

    public OutcomeView outcome(Outcome outcome) {
        return new OutcomeView(outcome.code, outcome.label, outcome.position, outcome.active);
    }

    public ReplyStatus replyStatus(Message reply) {
        return new ReplyStatus(reply.id.toString(), reply.conversationId.toString(), reply.deliveryStatus,
                reply.failureReason, reply.occurredAt);
    }

    private List<MessageView> messages(ConversationRead read) {
        Map<UUID, List<AttachmentView>> attached = read.attachments().stream().collect(Collectors.groupingBy(
                attachment -> attachment.messageId, Collectors.mapping(
                        attachment -> attachment(attachment, read.files().get(attachment.mediaId)),
                        Collectors.toList())));
        return read.messages().stream()
                .map(message -> message(message, attached.getOrDefault(message.id, List.of()))).toList();
    }

    private MessageView message(Message message, List<AttachmentView> attachments) {
        return new MessageView(message.id.toString(), message.direction, message.channel,
                cipher.open(message.sealedText), message.occurredAt, message.deliveryStatus, message.failureReason,
                message.sentBy, message.sentByName, message.autoReplyKind, cipher.open(message.sealedSubject),
                attachments);
    }

    /** @param file its contents as far as they arrived; null when not kept, or before the first piece */
    private AttachmentView attachment(MessageAttachment attachment, MediaFile file) {
        String state = attachment.mediaId == null ? AttachmentView.NOT_KEPT
                : file != null && file.isComplete() ? AttachmentView.READY : AttachmentView.ARRIVING;
        return new AttachmentView(cipher.open(attachment.sealedFileName), attachment.contentType,
                attachment.sizeBytes, attachment.mediaId == null ? null : attachment.mediaId.toString(), state,
                attachment.notKeptReason, AttachmentView.READY.equals(state) && file.sealedThumbnail != null);
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
