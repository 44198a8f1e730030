package org.carethread.conversation.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.conversation.service.PatientLinkHandler;
import org.carethread.messaging.Inbox;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.events.PatientLinked;
import org.carethread.schemas.events.PatientUnlinked;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Reads links and unlinks of senders to directory patients from Kafka; each is applied once and acknowledged only
 * after its transaction committed. Another event type on the topic is dead-lettered, for operators to see.
 */
@ApplicationScoped
public class PatientLinkConsumer {
    public static final String CHANNEL = "patient-links";

    private final Inbox inbox;
    private final PatientLinkHandler handler;
    private final ObjectMapper json;

    public PatientLinkConsumer(Inbox inbox, PatientLinkHandler handler, ObjectMapper json) {
        this.inbox = inbox;
        this.handler = handler;
        this.json = json;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> record) {
        return inbox.settle(record, RoutingDecisionConsumer.CONSUMER, event -> inbox.once(
                RoutingDecisionConsumer.CONSUMER, event, session -> switch (event.type()) {
                    case EventTypes.PATIENT_LINKED -> handler.linked(session,
                            event.dataAs(json, PatientLinked.class), event);
                    case EventTypes.PATIENT_UNLINKED -> handler.unlinked(session,
                            event.dataAs(json, PatientUnlinked.class), event);
                    default -> Uni.createFrom().failure(new IllegalArgumentException("event " + event.id()
                            + " on " + CHANNEL + " has an unexpected type " + event.type()));
                }));
    }
}
