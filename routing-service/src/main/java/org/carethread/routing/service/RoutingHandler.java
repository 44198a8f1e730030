package org.carethread.routing.service;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.messaging.InboundEvent;
import org.carethread.messaging.Outbox;
import org.carethread.routing.mapping.RoutingDecidedMapper;
import org.carethread.routing.repository.AutoReplyLog;
import org.carethread.routing.repository.Location;
import org.carethread.routing.repository.LocationRepository;
import org.carethread.routing.repository.Patient;
import org.carethread.routing.repository.RoutingDecision;
import org.carethread.routing.repository.RoutingDecisionRepository;
import org.carethread.routing.triage.Triage;
import org.carethread.routing.triage.TriageClassifier;
import org.carethread.schemas.Channels;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.schemas.events.MessageReceived;
import org.hibernate.reactive.mutiny.Mutiny;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Decides where an inbound message goes: finds the location that owns the number texted, classifies the message,
 * resolves who sent it, and lets {@link RoutingPlanner} apply the safety route, identity review, the practice's
 * rules and the hours. Stores the decision and puts its events on the outbox in the caller's transaction: the
 * decision, and for an emergency the on-call alert.
 */
@ApplicationScoped
public class RoutingHandler {
    private final LocationRepository locations;
    private final RoutingDecisionRepository decisions;
    private final RoutingSituations situations;
    private final RoutingPlanner planner;
    private final TriageClassifier classifier;
    private final IdentityReviews reviews;
    private final AutoReplyLog autoReplyLog;
    private final AutoReplies autoReplies;
    private final PhiCipher cipher;
    private final ObjectMapper json;
    private final Outbox outbox;
    private final RoutingDecidedMapper events;

    public RoutingHandler(LocationRepository locations, RoutingDecisionRepository decisions,
            RoutingSituations situations, RoutingPlanner planner, TriageClassifier classifier, IdentityReviews reviews,
            AutoReplyLog autoReplyLog, AutoReplies autoReplies, PhiCipher cipher, ObjectMapper json, Outbox outbox,
            RoutingDecidedMapper events) {
        this.locations = locations;
        this.decisions = decisions;
        this.situations = situations;
        this.planner = planner;
        this.classifier = classifier;
        this.reviews = reviews;
        this.autoReplyLog = autoReplyLog;
        this.autoReplies = autoReplies;
        this.cipher = cipher;
        this.json = json;
        this.outbox = outbox;
        this.events = events;
    }

    public Uni<RoutingDecision> handle(Mutiny.Session session, MessageReceived message, InboundEvent event) {
        if (message.patientRef() == null || message.patientRef().isBlank()) {
            return Uni.createFrom().failure(UnroutableMessageException.noPatient(event.id()));
        }
        boolean email = Channels.EMAIL.equals(message.channel());
        String practiceAddress = email ? mailboxOf(message.practiceNumber()) : digitsOf(message.practiceNumber());
        // Business hours are judged at the moment the patient wrote, not when the broker delivered it.
        Instant at = message.receivedAt() != null ? message.receivedAt() : Instant.now();
        return (email ? locations.findByEmailAddress(session, practiceAddress)
                : locations.findBySmsNumber(session, practiceAddress))
                .onItem().ifNull().failWith(() -> UnroutableMessageException.numberNotOwned(event.id(), practiceAddress))
                .chain(location -> {
                    String text = cipher.open(message.sealedText());
                    Triage triage = classifier.classify(text);
                    return situations.load(session, location, message.channel(), text, triage, message.patientRef(),
                            at, null)
                            .chain(situation -> decide(session, message, event, location, situation));
                });
    }

    /** The matched patient's given name, still sealed: staff greet the patient by it in templates. */
    private static Uni<String> sealedGivenName(Mutiny.Session session, RoutingDecision decision) {
        return decision.patientId == null ? Uni.createFrom().nullItem()
                : session.find(Patient.class, decision.patientId).map(p -> p == null ? null : p.sealedGivenName);
    }

    private Uni<RoutingDecision> decide(Mutiny.Session session, MessageReceived message, InboundEvent event,
            Location location, RoutingSituation situation) {
        RoutingPlan plan = planner.plan(situation);
        Triage triage = situation.triage();
        RoutingDecision decision = decision(event, message, location, situation, plan);
        String sealedReply = sealedReply(plan, triage, location, situation);
        Uni<Void> chain = decisions.add(session, decision);
        if (RoutingPlanner.REVIEW.equals(plan.identity())) {
            chain = chain.call(() -> reviews.open(session, event.id(), message.patientRef(), location.code,
                    situation.candidates().stream().map(PatientCandidate::id).toList()));
        }
        if (RoutingPlanner.AFTER_HOURS.equals(plan.autoReplyKind())) {
            chain = chain.call(() -> autoReplyLog.sent(session, message.patientRef(), location.code,
                    RoutingPlanner.AFTER_HOURS, situation.at()));
        }
        chain = chain.call(() -> sealedGivenName(session, decision)
                .chain(givenName -> outbox.add(session, Topics.ROUTING_DECISIONS, EventTypes.ROUTING_DECIDED,
                        message.patientRef(), message.providerMessageId(),
                        events.toEvent(message, decision, sealedReply, triage.language(), givenName))));
        if (plan.alertOnCall()) {
            chain = chain.call(() -> outbox.add(session, Topics.STAFF_ALERTS, EventTypes.ON_CALL_ALERTED,
                    message.patientRef(), message.providerMessageId(),
                    events.onCallAlert(event.id(), message, decision, situation.onCallStaff(), triage)));
        }
        return chain.replaceWith(decision);
    }

    private RoutingDecision decision(InboundEvent event, MessageReceived message, Location location,
            RoutingSituation situation, RoutingPlan plan) {
        Triage triage = situation.triage();
        RoutingDecision decision = new RoutingDecision();
        decision.messageEventId = event.id();
        decision.providerMessageId = message.providerMessageId();
        decision.patientRef = message.patientRef();
        decision.locationCode = location.code;
        decision.queueCode = plan.queue();
        decision.reason = plan.reason();
        // PostgreSQL keeps microseconds: the event then carries exactly what is stored.
        decision.decidedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        decision.patientId = situation.patient() == null ? null : UUID.fromString(situation.patient().id());
        decision.identity = plan.identity();
        decision.category = triage.category().code();
        decision.urgency = triage.urgency().code();
        decision.priority = plan.priority();
        decision.sealedTriageReasons = cipher.seal(toJson(triage));
        decision.ruleId = plan.ruleId();
        decision.rulesVersion = plan.rulesVersion() > 0 ? plan.rulesVersion() : null;
        decision.directedTo = plan.directedTo();
        decision.autoReplyKind = plan.autoReplyKind();
        decision.clockStartsAt = plan.clockStartsAt() == null ? null : plan.clockStartsAt().truncatedTo(ChronoUnit.MICROS);
        return decision;
    }

    private String sealedReply(RoutingPlan plan, Triage triage, Location location, RoutingSituation situation) {
        if (RoutingPlanner.SAFETY.equals(plan.autoReplyKind())) {
            return cipher.seal(autoReplies.safety(triage.safetyReply(), triage.language()));
        }
        if (RoutingPlanner.AFTER_HOURS.equals(plan.autoReplyKind())) {
            return cipher.seal(autoReplies.afterHours(triage.language(), location.name,
                    situation.hours().nextOpeningAt(situation.at()), ZoneId.of(location.timeZone)));
        }
        return null;
    }

    private String toJson(Triage triage) {
        try {
            return json.writeValueAsString(triage.reasons());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("triage reasons cannot be written as JSON", e);
        }
    }

    /** Carriers write numbers as "+1 555 000 1001" or "15550001001"; locations store digits only. */
    static String digitsOf(String number) {
        return number == null ? "" : number.replaceAll("\\D", "");
    }

    private static String mailboxOf(String address) {
        return address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
    }
}
