package org.carethread.notification.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.notification.client.CarrierOutcome;
import org.carethread.notification.client.EmailCarrier;
import org.carethread.notification.client.SmsCarrier;
import org.carethread.notification.repository.ConsentRepository;
import org.carethread.notification.repository.ConsentState;
import org.carethread.notification.repository.OutboundMessage;
import org.carethread.notification.repository.OutboundMessageRepository;
import org.carethread.notification.repository.SenderPace;
import org.carethread.notification.repository.SenderPaceRepository;
import org.carethread.schemas.Channels;
import org.carethread.schemas.DeliveryStatus;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.schemas.events.OutboundRequested;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Hands queued messages to the carrier, one practice number's queue at a time and no faster than the number's
 * messages-per-second limit: take the number's turn and claim its oldest ready row (locked, attempts + 1) in one
 * transaction, call the carrier on a worker thread, record the outcome, announce it and hand the turn back in a
 * second transaction. A message to a number that opted out (STOP) is refused at the claim instead, unless it is the
 * consent reply itself.
 *
 * <p>At most once, with one caveat: if the process dies after the carrier accepted a message but before the outcome
 * committed, the row stays QUEUED and is sent again once its claim lease expires. The resend carries the same
 * client_ref (the outbound id), so the carrier and its receipts tie both sends to one message.
 */
@ApplicationScoped
public class OutboundDelivery {
    private static final Logger LOG = Logger.getLogger(OutboundDelivery.class);

    private final Mutiny.SessionFactory sessions;
    private final OutboundMessageRepository messages;
    private final ConsentRepository consents;
    private final StatusAnnouncements announcements;
    private final SmsCarrier carrier;
    private final EmailCarrier email;
    private final PhiCipher cipher;
    private final DeliveryPolicy policy;
    private final DeliveryMetrics metrics;
    private final SenderPaceRepository paces;
    private final SenderPacing pacing;
    private final Vertx vertx;

    public OutboundDelivery(Mutiny.SessionFactory sessions, OutboundMessageRepository messages,
            ConsentRepository consents, StatusAnnouncements announcements, SmsCarrier carrier, EmailCarrier email,
            PhiCipher cipher, DeliveryPolicy policy, DeliveryMetrics metrics, SenderPaceRepository paces,
            SenderPacing pacing, Vertx vertx) {
        this.sessions = sessions;
        this.messages = messages;
        this.paces = paces;
        this.pacing = pacing;
        this.consents = consents;
        this.announcements = announcements;
        this.carrier = carrier;
        this.email = email;
        this.cipher = cipher;
        this.policy = policy;
        this.metrics = metrics;
        this.vertx = vertx;
    }

    /** What one look at a practice number's queue came to. */
    public sealed interface QueueStep {
        /** A message was sent, or settled without a carrier call: look again at once. */
        record Moved() implements QueueStep {
        }

        /** Nothing in the queue is ready to go. */
        record Empty() implements QueueStep {
        }

        /** The number may not call the carrier before this time; the queue waits, nothing is dropped. */
        record WaitUntil(Instant at) implements QueueStep {
        }
    }

    private static final QueueStep MOVED = new QueueStep.Moved();
    private static final QueueStep EMPTY = new QueueStep.Empty();

    /**
     * Sends the oldest ready message of one practice number or mailbox if the sender's turn is free: takes the turn
     * and claims the message in one transaction, calls the carrier, then records the outcome and hands the turn back with the
     * moment the carrier answered. The next call from the number starts a full interval after that answer: the
     * carrier had this message by then, however late it reached the carrier (a cold start, a slow network), so
     * the carrier never sees two messages from the number closer together than the interval.
     */
    public Uni<QueueStep> sendNext(String practiceNumber) {
        return sessions.withTransaction(session -> claimNext(session, practiceNumber))
                .chain(claimed -> claimed.send() == null ? Uni.createFrom().item(claimed.step())
                        : callCarrier(claimed.send()).chain(call -> record(claimed.send(), call)).replaceWith(MOVED));
    }

    /** What a claimed attempt needs outside the transaction; the PHI in it stays sealed until the call. */
    private record Send(String outboundId, String channel, String sealedTo, String practiceNumber, String sealedText,
            String sealedSubject, String sealedInReplyTo, String sealedReferences, int attempt) {
    }

    /** The message claimed for a carrier call, if any, and what the queue does next. */
    private record Claim(Send send, QueueStep step) {
    }

    /** A carrier call's outcome and when the call ended (the carrier answered, or the SDK gave up). */
    private record Call(CarrierOutcome outcome, Instant answeredAt) {
    }

    private Uni<Claim> claimNext(Mutiny.Session session, String practiceNumber) {
        return paces.lock(session, practiceNumber).chain(pace -> {
            Instant now = Instant.now();
            Instant free = pacing.freeAt(pace, now);
            if (free.isAfter(now)) {
                return Uni.createFrom().item(new Claim(null, new QueueStep.WaitUntil(free)));
            }
            return messages.nextInQueue(session, practiceNumber, now).chain(message -> {
                if (message == null) {
                    return Uni.createFrom().item(new Claim(null, EMPTY));
                }
                // A fresh message is ready from its recording, a retry from its due time.
                Instant readySince = message.attempts == 0 ? message.updatedAt : message.nextAttemptAt;
                return claim(session, message, now).map(send -> {
                    if (send != null) {
                        pace.inFlightOutboundId = send.outboundId();
                        pace.turnHeldUntil = message.nextAttemptAt;
                        metrics.waitedForTurn(practiceNumber, readySince, now);
                    }
                    return new Claim(send, MOVED);
                });
            });
        });
    }

    /** Claims the message for a carrier call, or settles it without one (null). */
    private Uni<Send> claim(Mutiny.Session session, OutboundMessage message, Instant now) {
        if (message.consentReply || Channels.EMAIL.equals(message.channel)) {
            // The confirmation of a STOP must reach the number that just opted out: carriers require it.
            // SMS consent (STOP) is about texts; it does not stop e-mail.
            return claimFor(session, message, now);
        }
        // Checked on every attempt, retries included: a patient may text STOP while a message waits for a retry.
        return consents.find(session, message.patientRef, message.practiceNumber).chain(consent -> {
            if (consent != null && consent.state == ConsentState.OPTED_OUT) {
                metrics.refusedOptedOut();
                return fail(session, message, optedOut(consent.changedAt), now).replaceWith((Send) null);
            }
            return claimFor(session, message, now);
        });
    }

    /** The reason staff see on a message refused because the patient opted out (no PHI: a date and keywords). */
    private static String optedOut(Instant since) {
        return "The patient opted out of text messages (STOP) on " + LocalDate.ofInstant(since, ZoneOffset.UTC)
                + "; they can text START to opt back in.";
    }

    private Uni<Send> claimFor(Mutiny.Session session, OutboundMessage message, Instant now) {
        if (policy.exhausted(message.attempts)) {
            // Only after a crash mid-send: the last attempt never recorded its outcome.
            return fail(session, message, "carrier unavailable after " + message.attempts + " attempts", now)
                    .invoke(metrics::sent)
                    .replaceWith((Send) null);
        }
        message.attempts++;
        message.nextAttemptAt = policy.claimedUntil(now);
        message.updatedAt = now;
        return Uni.createFrom().item(new Send(message.outboundId, message.channel, message.sealedTo,
                message.practiceNumber, message.sealedText, message.sealedSubject, message.sealedInReplyTo,
                message.sealedReferences, message.attempts));
    }

    /**
     * The SDK and SMTP block, so they run on a worker thread; the outcome comes back on the caller's Vert.x context.
     * The call's end is taken on the worker thread as soon as the carrier answered, before any wait for the event
     * loop.
     */
    private Uni<Call> callCarrier(Send send) {
        return vertx.executeBlocking(() -> {
            CarrierOutcome outcome = metrics.timeCarrierCall(() -> Channels.EMAIL.equals(send.channel())
                    ? email.send(cipher.open(send.sealedTo()), send.practiceNumber(), cipher.open(send.sealedSubject()),
                            cipher.open(send.sealedText()),
                            OutboundRequested.emailMessageId(send.outboundId(), send.practiceNumber()),
                            cipher.open(send.sealedInReplyTo()), cipher.open(send.sealedReferences()))
                    : carrier.send(cipher.open(send.sealedTo()), send.practiceNumber(), cipher.open(send.sealedText()),
                            send.outboundId()));
            return new Call(outcome, Instant.now());
        }, false).onFailure().recoverWithItem(unexpected -> new Call(new CarrierOutcome.Unavailable(
                "send not completed (" + unexpected.getClass().getSimpleName() + ")"), Instant.now()));
    }

    /** Hands the number's turn back and applies the outcome, in one transaction (pace row first, as in the claim). */
    private Uni<Void> record(Send send, Call call) {
        return sessions.withTransaction(session -> paces.lock(session, send.practiceNumber())
                .invoke(pace -> handBack(pace, send, call.answeredAt()))
                .chain(() -> messages.findForUpdate(session, send.outboundId()))
                .chain(message -> message == null ? Uni.createFrom().<DeliveryStatus>nullItem()
                        : apply(session, message, send, call.outcome())))
                .invoke(metrics::sent)
                .replaceWithVoid();
    }

    private static void handBack(SenderPace pace, Send send, Instant answeredAt) {
        if (pace.lastCallAnsweredAt == null || answeredAt.isAfter(pace.lastCallAnsweredAt)) {
            pace.lastCallAnsweredAt = answeredAt;
        }
        // Only the holder frees the turn: a call that outlived its lease no longer holds it.
        if (send.outboundId().equals(pace.inFlightOutboundId)) {
            pace.inFlightOutboundId = null;
            pace.turnHeldUntil = null;
        }
    }

    /** Applies the carrier's answer; returns the status it led to, or null if nothing changed. */
    private Uni<DeliveryStatus> apply(Mutiny.Session session, OutboundMessage message, Send send,
            CarrierOutcome outcome) {
        Instant now = Instant.now();
        if (outcome instanceof CarrierOutcome.Accepted accepted) {
            if (message.providerMessageId == null) {
                message.providerMessageId = accepted.providerMessageId();
            }
            // A receipt may have overtaken us; then it already announced a later status.
            if (message.status != DeliveryStatus.QUEUED) {
                return Uni.createFrom().nullItem();
            }
            message.advance(DeliveryStatus.SUBMITTED, null, now);
            LOG.infof("outbound %s submitted to the carrier as %s (attempt %d)", message.outboundId,
                    accepted.providerMessageId(), send.attempt());
            return announcements.announce(session, message, now).replaceWith(DeliveryStatus.SUBMITTED);
        }
        if (message.status != DeliveryStatus.QUEUED) {
            return Uni.createFrom().nullItem();
        }
        if (outcome instanceof CarrierOutcome.Refused refused) {
            return fail(session, message, "carrier rejected the message (HTTP " + refused.httpStatus() + ")", now);
        }
        if (outcome instanceof CarrierOutcome.Unsendable) {
            return fail(session, message, "message cannot be sent as SMS (recipient, sender or text not accepted)",
                    now);
        }
        String cause = ((CarrierOutcome.Unavailable) outcome).cause();
        if (policy.exhausted(message.attempts)) {
            return fail(session, message, "carrier unavailable after " + message.attempts + " attempts (last: "
                    + cause + ")", now);
        }
        message.nextAttemptAt = policy.nextAttemptAfter(message.attempts, now);
        message.updatedAt = now;
        LOG.warnf("outbound %s: carrier unavailable (%s) on attempt %d of %d, next attempt at %s",
                message.outboundId, cause, message.attempts, policy.maxAttempts(), message.nextAttemptAt);
        return Uni.createFrom().item(DeliveryStatus.QUEUED);
    }

    private Uni<DeliveryStatus> fail(Mutiny.Session session, OutboundMessage message, String reason, Instant now) {
        message.advance(DeliveryStatus.FAILED, reason, now);
        LOG.warnf("outbound %s failed: %s", message.outboundId, reason);
        return announcements.announce(session, message, now).replaceWith(DeliveryStatus.FAILED);
    }
}
