package org.carethread.routing.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.messaging.InboundEvent;
import org.carethread.messaging.Outbox;
import org.carethread.routing.mapping.RoutingDecidedMapper;
import org.carethread.routing.repository.Location;
import org.carethread.routing.repository.LocationRepository;
import org.carethread.routing.repository.Queue;
import org.carethread.routing.repository.QueueRepository;
import org.carethread.routing.repository.RoutingDecision;
import org.carethread.routing.repository.RoutingDecisionRepository;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.carethread.schemas.events.MessageReceived;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Decides where an inbound message goes: to the location that owns the number the patient texted, into that
 * location's default queue. Stores the decision and puts its {@code RoutingDecided} event on the outbox in the
 * caller's transaction.
 */
@ApplicationScoped
public class RoutingHandler {
    private final LocationRepository locations;
    private final QueueRepository queues;
    private final RoutingDecisionRepository decisions;
    private final Outbox outbox;
    private final RoutingDecidedMapper events;

    public RoutingHandler(LocationRepository locations, QueueRepository queues, RoutingDecisionRepository decisions,
            Outbox outbox, RoutingDecidedMapper events) {
        this.locations = locations;
        this.queues = queues;
        this.decisions = decisions;
        this.outbox = outbox;
        this.events = events;
    }

    public Uni<RoutingDecision> handle(Mutiny.Session session, MessageReceived message, InboundEvent event) {
        if (message.patientRef() == null || message.patientRef().isBlank()) {
            return Uni.createFrom().failure(UnroutableMessageException.noPatient(event.id()));
        }
        String practiceNumber = digitsOf(message.practiceNumber());
        return locations.findBySmsNumber(session, practiceNumber)
                .onItem().ifNull().failWith(() -> UnroutableMessageException.numberNotOwned(event.id(), practiceNumber))
                .chain(location -> queues.find(session, location.defaultQueue)
                        .map(queue -> toDefaultQueue(event, message, location, queue)))
                .call(decision -> decisions.add(session, decision))
                .call(decision -> outbox.add(session, Topics.ROUTING_DECISIONS, EventTypes.ROUTING_DECIDED,
                        message.patientRef(), message.providerMessageId(), events.toEvent(message, decision)));
    }

    private static RoutingDecision toDefaultQueue(InboundEvent event, MessageReceived message, Location location,
            Queue queue) {
        RoutingDecision decision = new RoutingDecision();
        decision.messageEventId = event.id();
        decision.providerMessageId = message.providerMessageId();
        decision.patientRef = message.patientRef();
        decision.locationCode = location.code;
        decision.queueCode = queue.code;
        decision.reason = "Texted " + location.name + " (" + location.smsNumber + "); no routing rule matched, so it"
                + " goes to the location's default queue " + queue.name;
        // PostgreSQL keeps microseconds: the event then carries exactly what is stored.
        decision.decidedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return decision;
    }

    /** Carriers write numbers as "+1 555 000 1001" or "15550001001"; locations store digits only. */
    static String digitsOf(String number) {
        return number == null ? "" : number.replaceAll("\\D", "");
    }
}
