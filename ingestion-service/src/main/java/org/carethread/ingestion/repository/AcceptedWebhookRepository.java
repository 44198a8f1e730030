package org.carethread.ingestion.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** The {@code accepted_webhook} table: which carrier webhooks were already accepted. */
@ApplicationScoped
public class AcceptedWebhookRepository {

    /**
     * Records the webhook in the caller's transaction. Answers false when it was accepted before; a concurrent
     * delivery of the same webhook waits on the row lock until the first one commits or rolls back.
     */
    public Uni<Boolean> claim(Mutiny.Session session, String providerMessageId, String kind) {
        return session.createNativeQuery("insert into accepted_webhook (provider_message_id, kind)"
                + " values (:providerMessageId, :kind) on conflict do nothing")
                .setParameter("providerMessageId", providerMessageId)
                .setParameter("kind", kind)
                .executeUpdate()
                .map(inserted -> inserted == 1);
    }

    /** Whether the webhook was accepted before, in a transaction already committed. */
    public Uni<Boolean> accepted(Mutiny.Session session, String providerMessageId, String kind) {
        return session.createNativeQuery("select count(*) from accepted_webhook"
                + " where provider_message_id = :providerMessageId and kind = :kind", Long.class)
                .setParameter("providerMessageId", providerMessageId)
                .setParameter("kind", kind)
                .getSingleResult()
                .map(count -> count > 0);
    }
}
