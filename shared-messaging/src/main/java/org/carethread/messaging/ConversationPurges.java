package org.carethread.messaging;

import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.schemas.EventTypes;
import org.carethread.schemas.events.ConversationPurged;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Carries conversation-service's retention purges to a service that kept its own records of the same conversation:
 * for each {@code ConversationPurged} on {@code conversation.events} the service deletes them, once, in the
 * transaction that records the event as handled. Legal holds need no second check here: a held conversation is never
 * purged, so never announced. Every other conversation event is acknowledged untouched.
 */
@ApplicationScoped
public class ConversationPurges {
    private final Inbox inbox;
    private final ObjectMapper json;

    public ConversationPurges(Inbox inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    public Uni<Void> follow(Message<String> record, String consumer,
            BiFunction<Mutiny.Session, ConversationPurged, Uni<Void>> deleteOwnRecords) {
        return inbox.settle(record, consumer, event -> EventTypes.CONVERSATION_PURGED.equals(event.type())
                ? inbox.once(consumer, event,
                        session -> deleteOwnRecords.apply(session, event.dataAs(json, ConversationPurged.class)))
                : Uni.createFrom().voidItem());
    }
}
