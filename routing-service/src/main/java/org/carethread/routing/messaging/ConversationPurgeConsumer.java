package org.carethread.routing.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.messaging.ConversationPurges;
import org.carethread.schemas.events.ConversationPurged;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * When a conversation is purged at the end of its retention, routing's own records of its messages go too: the routing
 * decisions and the identity reviews they opened (with their candidates).
 */
@ApplicationScoped
public class ConversationPurgeConsumer {
    public static final String CHANNEL = "conversation-purges";

    private final ConversationPurges purges;

    public ConversationPurgeConsumer(ConversationPurges purges) {
        this.purges = purges;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> record) {
        return purges.follow(record, InboundMessageConsumer.CONSUMER, ConversationPurgeConsumer::deleteRecordsOf);
    }

    private static Uni<Void> deleteRecordsOf(Mutiny.Session session, ConversationPurged purged) {
        List<String> messages = purged.messageEventIds();
        if (messages == null || messages.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return session.createNativeQuery("delete from routing_decision where message_event_id in (:messages)")
                .setParameter("messages", messages).executeUpdate()
                .chain(() -> session.createNativeQuery("delete from identity_review where message_event_id in"
                        + " (:messages)").setParameter("messages", messages).executeUpdate())
                .replaceWithVoid();
    }
}
