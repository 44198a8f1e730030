package org.carethread.notification.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.messaging.InboundEvent;
import org.carethread.notification.config.PracticeDirectory;
import org.carethread.notification.repository.ConsentChange;
import org.carethread.notification.repository.ConsentKey;
import org.carethread.notification.repository.ConsentRecord;
import org.carethread.notification.repository.ConsentRepository;
import org.carethread.notification.repository.ConsentState;
import org.carethread.notification.repository.OutboundMessage;
import org.carethread.notification.repository.OutboundMessageRepository;
import org.carethread.notification.service.ConsentKeywords.Intent;
import org.carethread.notification.service.ConsentKeywords.Keyword;
import org.carethread.schemas.Channels;
import org.carethread.schemas.DeliveryStatus;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.schemas.events.MessageReceived;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * Acts on STOP/START/HELP texted by a patient: changes the consent ledger and queues the one reply carriers
 * require, in one transaction. The reply is an ordinary outbound message (sent by {@link OutboundDelivery} after
 * commit), marked as a consent reply so it reaches an opted-out number and is announced to no conversation.
 */
@ApplicationScoped
public class ConsentHandler {
    /** Consent replies belong to no conversation; the column needs a value operators can recognise. */
    public static final String NO_CONVERSATION = "sms-consent";
    private static final Logger LOG = Logger.getLogger(ConsentHandler.class);

    private final ConsentRepository consents;
    private final OutboundMessageRepository messages;
    private final PracticeDirectory practices;
    private final PhiCipher cipher;
    private final DeliveryPolicy policy;

    public ConsentHandler(ConsentRepository consents, OutboundMessageRepository messages, PracticeDirectory practices,
            PhiCipher cipher, DeliveryPolicy policy) {
        this.consents = consents;
        this.messages = messages;
        this.practices = practices;
        this.cipher = cipher;
        this.policy = policy;
    }

    /** The consent keyword the message is, if it is one; other messages are for routing, not for us. */
    public Optional<Keyword> keywordOf(MessageReceived message, InboundEvent event) {
        if (!Channels.SMS.equals(message.channel())) {
            return Optional.empty();
        }
        require(message.patientRef(), 100, "patientRef", event);
        require(message.practiceNumber(), 32, "practiceNumber", event);
        require(message.sealedFrom(), Integer.MAX_VALUE, "sealedFrom", event);
        require(message.sealedText(), Integer.MAX_VALUE, "sealedText", event);
        return ConsentKeywords.recognise(cipher.open(message.sealedText()));
    }

    /**
     * The outbound id of the reply to one inbound message: derived from its event id, so a redelivered keyword
     * finds the reply already on record instead of queueing a second one.
     */
    public static String replyIdOf(InboundEvent event) {
        return "consent-" + UUID.nameUUIDFromBytes(event.id().getBytes(StandardCharsets.UTF_8));
    }

    public Uni<Void> handle(Mutiny.Session session, MessageReceived message, Keyword keyword, InboundEvent event) {
        PracticeDirectory.Practice practice = practices.of(message.practiceNumber());
        Instant now = Instant.now();
        if (keyword.intent() == Intent.HELP) {
            LOG.infof("inbound %s asked for help: answer %s queued", event.id(), replyIdOf(event));
            return queueReply(session, message, event, practice.name() + ": for help call " + practice.phone()
                    + "; reply STOP to opt out.", now);
        }
        ConsentState wanted = keyword.intent() == Intent.OPT_OUT ? ConsentState.OPTED_OUT : ConsentState.OPTED_IN;
        return consents.findForUpdate(session, message.patientRef(), message.practiceNumber()).chain(current -> {
            ConsentState from = current == null ? ConsentState.OPTED_IN : current.state;
            if (from == wanted) {
                // Not a change, so no confirmation: one per change is what carriers require and patients expect.
                LOG.infof("inbound %s: consent already %s, nothing changes", event.id(), wanted);
                return Uni.createFrom().voidItem();
            }
            LOG.infof("inbound %s: consent %s -> %s, confirmation %s queued", event.id(), from, wanted,
                    replyIdOf(event));
            return change(session, message, current, from, wanted, keyword, event, now)
                    .chain(() -> queueReply(session, message, event, confirmation(wanted, practice), now));
        });
    }

    private Uni<Void> change(Mutiny.Session session, MessageReceived message, ConsentRecord current,
            ConsentState from, ConsentState to, Keyword keyword, InboundEvent event, Instant now) {
        ConsentChange change = new ConsentChange();
        change.sourceEventId = event.id();
        change.patientRef = message.patientRef();
        change.practiceNumber = message.practiceNumber();
        change.fromState = from;
        change.toState = to;
        change.keyword = keyword.word();
        change.changedAt = now;
        ConsentRecord record = current == null ? new ConsentRecord() : current;
        record.state = to;
        record.changedAt = now;
        record.sourceEventId = event.id();
        Uni<Void> stored;
        if (current == null) {
            record.key = new ConsentKey(message.patientRef(), message.practiceNumber());
            stored = consents.add(session, record);
        } else {
            stored = Uni.createFrom().voidItem();
        }
        return stored.chain(() -> consents.record(session, change));
    }

    private static String confirmation(ConsentState now, PracticeDirectory.Practice practice) {
        return now == ConsentState.OPTED_OUT
                ? "You're unsubscribed from " + practice.name()
                        + " texts. No more messages will be sent. Reply START to resubscribe."
                : "You're resubscribed to " + practice.name()
                        + " texts. Reply HELP for help, STOP to unsubscribe.";
    }

    /** The reply goes from the number the patient texted back to the patient; both stay sealed. */
    private Uni<Void> queueReply(Mutiny.Session session, MessageReceived message, InboundEvent event, String text,
            Instant now) {
        OutboundMessage reply = new OutboundMessage();
        reply.outboundId = replyIdOf(event);
        reply.conversationId = NO_CONVERSATION;
        reply.patientRef = message.patientRef();
        reply.channel = Channels.SMS;
        reply.practiceNumber = message.practiceNumber();
        reply.sealedTo = message.sealedFrom();
        reply.sealedText = cipher.seal(text);
        reply.status = DeliveryStatus.QUEUED;
        reply.attempts = 0;
        // Sent right after this commit; the sweeper steps in only if that never happened.
        reply.nextAttemptAt = now.plus(policy.retryDelay());
        reply.requestedAt = now;
        reply.updatedAt = now;
        reply.consentReply = true;
        return messages.add(session, reply);
    }

    /** Rejects a message that could never be answered; the exception names fields, never their values. */
    private static void require(String value, int maxLength, String field, InboundEvent event) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException("inbound message " + event.id() + " has a missing or oversized "
                    + field);
        }
    }
}
