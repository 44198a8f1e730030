package org.carethread.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.messaging.ConversationPurges;
import org.carethread.schemas.events.ConversationPurged;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * When a conversation is purged at the end of its retention, the records of the replies sent in it go too. The consent
 * ledger stays: it is the practice's proof of each patient's SMS consent, not part of any conversation.
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
        return session.createNativeQuery("delete from outbound_message where conversation_id = :conversation")
                .setParameter("conversation", purged.conversationId())
                .executeUpdate()
                .replaceWithVoid();
    }
}
