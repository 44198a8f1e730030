package org.carethread.routing.mapping;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.routing.repository.RoutingDecision;
import org.carethread.schemas.events.MessageReceived;
import org.carethread.schemas.events.RoutingDecided;

/** The event announcing a decision. The message's sealed fields pass through unopened: routing never reads PHI. */
@ApplicationScoped
public class RoutingDecidedMapper {

    public RoutingDecided toEvent(MessageReceived message, RoutingDecision decision) {
        return new RoutingDecided(decision.messageEventId, message.providerMessageId(), message.channel(),
                message.patientRef(), message.sealedFrom(), message.practiceNumber(), message.sealedText(),
                message.receivedAt(), decision.locationCode, decision.queueCode, decision.reason, decision.decidedAt, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
