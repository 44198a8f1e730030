package org.carethread.routing.mapping;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.routing.repository.RoutingDecision;
import org.carethread.routing.triage.Triage;
import org.carethread.schemas.events.MessageReceived;
import org.carethread.schemas.events.OnCallAlerted;
import org.carethread.schemas.events.RoutingDecided;

/** The events announcing a decision. The message's sealed fields pass through as they came. */
@ApplicationScoped
public class RoutingDecidedMapper {

    /**
     * @param sealedAutoReply the automatic reply's text, sealed, when the decision sends one
     * @param language        the patient's language for replies
     * @param sealedGivenName the matched patient's given name, sealed as the directory keeps it
     */
    public RoutingDecided toEvent(MessageReceived message, RoutingDecision decision, String sealedAutoReply,
            String language, String sealedGivenName) {
        return new RoutingDecided(decision.messageEventId, message.providerMessageId(), message.channel(),
                message.patientRef(), message.sealedFrom(), message.practiceNumber(), message.sealedText(),
                message.receivedAt(), decision.locationCode, decision.queueCode, decision.reason, decision.decidedAt,
                decision.patientId == null ? null : decision.patientId.toString(), decision.identity,
                decision.category, decision.urgency, decision.priority, decision.sealedTriageReasons, decision.ruleId,
                decision.rulesVersion, decision.directedTo, decision.autoReplyKind, sealedAutoReply, language,
                decision.clockStartsAt, sealedGivenName, message.sealedSubject(), message.sealedMessageId(),
                message.messageRef(), message.threadRefs(), message.attachments());
    }

    /** One alert per message event: its id derives from the event, so a redelivery cannot page twice. */
    public OnCallAlerted onCallAlert(String messageEventId, MessageReceived message, RoutingDecision decision,
            String onCallStaff, Triage triage) {
        return new OnCallAlerted("oncall-" + messageEventId, messageEventId, message.patientRef(),
                decision.locationCode, decision.queueCode, onCallStaff, triage.safetyRuleId(), decision.decidedAt);
    }
}
