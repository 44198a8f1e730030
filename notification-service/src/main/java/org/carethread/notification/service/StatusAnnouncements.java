package org.carethread.notification.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.messaging.Outbox;
import org.carethread.notification.mapping.OutboundMessageMapper;
import org.carethread.notification.repository.OutboundMessage;
import org.carethread.schemas.EventTypes;
import org.carethread.schemas.Topics;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** Announces a message's new status on outbound.status, in the same transaction as the change. */
@ApplicationScoped
public class StatusAnnouncements {
    private final Outbox outbox;

    public StatusAnnouncements(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> announce(Mutiny.Session session, OutboundMessage message, Instant at) {
        if (message.consentReply) {
            // A consent confirmation or HELP answer is in no conversation: no peer waits for its status.
            return Uni.createFrom().voidItem();
        }
        return outbox.add(session, Topics.OUTBOUND_STATUS, EventTypes.OUTBOUND_STATUS, message.patientRef,
                message.conversationId, OutboundMessageMapper.toStatusEvent(message, at));
    }
}
